using System.IO;
using System.Linq;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tool;

/// <summary>
/// <c>pac resolve</c>: reads a preferences document with the registry-driven reader
/// (<see cref="PreferencesJson.Read"/>), resolves it with the reference interpreter in the context given, and prints
/// the document's errors and the resolution, one row per dimension.
/// </summary>
internal static class ResolveReport
{
    public static void Write(TextWriter output, Terminal terminal, PolicyRegistry registry, string prefsPath, byte[] prefs, in PolicyContext context)
    {
        var read = PreferencesJson.Read(registry, prefs, context);
        var file = UntrustedText.Escape(prefsPath);

        // A document that is not a JSON object at all is bad input, as a malformed context file is (docs/pac.md, exit
        // codes): there is nothing of the user's to resolve. Errors inside a well-formed document, and a document over
        // the size limit (which a service would reject the same way), are the report's content.
        if (read.Errors.FirstOrDefault(e => e.Kind is PreferenceErrorKind.Syntax or PreferenceErrorKind.NotAnObject or PreferenceErrorKind.TooDeep) is { } malformed)
        {
            throw new PacInputException($"{file}: unreadable preferences file: {malformed.Message.TrimEnd('.')}.");
        }

        var resolution = new PolicyInterpreter(registry).Resolve(read.Requested, context, read.Unreadable);

        output.Write($"pac resolve: {UntrustedText.Escape(registry.Name)} in {UntrustedText.Escape(Where(registry, context))}; {Facts(context)}\n");

        if (read.Errors.Count == 0)
        {
            output.Write($"\n{file}: no errors.\n");
        }
        else
        {
            output.Write("\n" + terminal.Paint($"Errors in {file}", Ink.Bold) + " (the dimensions they name resolve fail-closed):\n");
            var errors = new TextTable("path", "kind", "message");
            foreach (var error in read.Errors)
            {
                errors.Add(error.Path, error.Kind.ToString(), error.Message);
            }

            errors.Write(output, terminal);
            if (read.TooManyErrors)
            {
                output.Write("(more errors were found than are listed)\n");
            }

            if (prefs.Length > InputFiles.MaxBytes)
            {
                output.Write($"({file} is larger than {InputFiles.MaxBytes} bytes: pac read only its first {prefs.Length}; a reader with the default limit rejects it unread.)\n");
            }
        }

        output.Write("\n" + terminal.Paint("Resolution:", Ink.Bold) + "\n");
        var table = new TextTable("dimension", "requested", "granted", "cause", "bound", "tier").Highlight(3, CauseInk);
        var adjustments = resolution.Adjustments; // explained once, not once per dimension
        foreach (var dimension in registry.Dimensions)
        {
            var i = dimension.Index;
            var adjustment = adjustments.FirstOrDefault(a => a.Dimension.Index == i);
            var requested = read.Unreadable.Contains(i) || !dimension.InDomain(read.Requested[i]) ? "(unreadable)" : dimension.Format(read.Requested[i]);
            var rule = adjustment?.Rule;
            table.Add(
                dimension.Name,
                requested,
                dimension.Format(resolution.Effective[i]),
                adjustment is null ? "as asked" : Cause(adjustment.Cause),
                rule is null ? string.Empty : rule.Source + (rule.Condition.IsAlways ? string.Empty : $" ({rule.Condition})"),
                adjustment?.Tier?.ToString() ?? string.Empty);
        }

        table.Write(output, terminal);
        output.Write($"\nContent refused: {UntrustedText.Escape(PolicyDiff.HazardNames(registry, resolution.Forbidden))}.\n");
    }

    // "DE within EU": the jurisdiction with the ones it sits within (whose laws apply too), as the kernel words it.
    private static string Where(PolicyRegistry registry, in PolicyContext context) =>
        registry.MatchJurisdiction(context.Jurisdiction) is var j && j >= 0 ? Wording.Jurisdiction(registry.Shape, j) : "no jurisdiction (every law applies)";

    // What moved stands out: a clamp in yellow, a waiver in cyan, a value failed closed or contradicted in red.
    private static Ink CauseInk(string cause) => cause switch
    {
        "as asked" => Ink.None,
        "clamped" => Ink.Yellow,
        "waived" => Ink.Cyan,
        _ => Ink.Red,
    };

    private static string Cause(AdjustmentCause cause) => cause switch
    {
        AdjustmentCause.Clamped => "clamped",
        AdjustmentCause.Waived => "waived",
        AdjustmentCause.FailedClosed => "failed closed",
        _ => "contradiction",
    };

    private static string Facts(in PolicyContext context)
    {
        if (context.Known == Fact.None)
        {
            return "no fact known";
        }

        var holds = context.Facts & context.Known;
        var refuted = context.Known & ~context.Facts;
        return string.Join("; ", new[] { (holds, "holds: "), (refuted, "known not to hold: ") }
            .Where(p => p.Item1 != Fact.None).Select(p => p.Item2 + p.Item1.ToString()));
    }
}
