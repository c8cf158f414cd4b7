using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using PolicyAsCode.Documents;

namespace PolicyAsCode.Tool;

/// <summary>
/// The <c>pac</c> command line: <c>card</c>, <c>schema</c>, <c>resolve</c>, <c>verify</c> and <c>diff</c> of compiled policy
/// assemblies. Exit codes: 0 done; 1 <c>verify</c> found a conflict or <c>diff</c> a widening; 2 bad input (the reason on one line of standard error); 3 an
/// internal error of pac.
/// </summary>
public static class PacApp
{
    /// <summary>Exit code: done.</summary>
    public const int Ok = 0;

    /// <summary>Exit code of <c>pac diff</c> when the new policy allows something the old did not.</summary>
    public const int Widened = 1;

    /// <summary>Exit code of <c>pac verify</c> when a higher tier's bound overrides a lower tier's value or bound.</summary>
    public const int Conflicts = 1;

    /// <summary>Exit code: bad input (missing or unreadable file, no policy, unknown name).</summary>
    public const int BadInput = 2;

    /// <summary>Exit code: pac itself failed (a bug); the message is on one line of standard error.</summary>
    public const int InternalError = 3;

    /// <summary>Runs pac with <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Run(args, output, error, Terminal.For(output ?? throw new ArgumentNullException(nameof(output))));

    /// <summary>Runs pac for a given <paramref name="terminal"/>: its width and whether it takes colour.</summary>
    internal static int Run(string[] args, TextWriter output, TextWriter error, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        using var text = new WrappingWriter(output, terminal.Width);
        var root = Build(output, text, terminal);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.Write("pac: " + UntrustedText.Escape(string.Join(" ", parsed.Errors.Select(e => e.Message.Trim()))) + " See 'pac --help'.\n");
            return BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (PacInputException e)
        {
            error.Write("pac: " + UntrustedText.Escape(e.Message.Trim()) + "\n");
            return BadInput;
        }
#pragma warning disable CA1031 // the last resort: one line, never a stack trace
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.Write($"pac: internal error: {e.GetType().Name}: {UntrustedText.Escape(e.Message.Trim())}\n");
            return InternalError;
        }
    }

    // output takes documents (cards, schemas, JSON), whose lines are their own; text takes reports, wrapped to the width.
    private static RootCommand Build(TextWriter output, TextWriter text, Terminal terminal)
    {
        var root = new RootCommand("pac: read a compiled PolicyAsCode policy assembly: its card, its preferences JSON Schema, a resolution, a check of its tiers, a diff of two versions, a replay of recorded decisions, its test cases, a report. "
            + "Exit codes: 0 done, 1 verify found a conflict, diff or replay a widening, or test a failing case; 2 bad input; 3 internal error. The manual: " + Manual.Path + ".");

        var policy = new Option<string?>("--policy") { Description = "The user-tier type to read (full or simple name), when the assembly holds several policies." };
        var jurisdiction = new Option<string?>("--jurisdiction", "-j") { Description = "One of the policy's jurisdictions; one within another (DE within EU) applies the laws of both." };

        var assembly = new Argument<FileInfo>("assembly") { Description = "The compiled policy assembly (.dll)." };
        var cardFormat = FormatOption("md (Markdown) or json.", "md", "json");
        var card = new Command("card", "Print the policy card: per jurisdiction, who set each bound, what it allows and why.") { assembly, jurisdiction, cardFormat, policy };
        card.SetAction(r =>
        {
            using var loaded = LoadedPolicy.Load(r.GetValue(assembly)!.ToString(), r.GetValue(policy));
            var j = r.GetValue(jurisdiction);
            ContextFile.CheckJurisdiction(loaded.Registry, j);
            var document = PolicyCard.Create(loaded.Registry);
            document = j is null ? document : document.For(j);
            output.Write(UntrustedText.EscapeKeepingLines(r.GetValue(cardFormat) == "json" ? document.ToJson() + "\n" : document.ToMarkdown()));
            return Ok;
        });
        root.Subcommands.Add(card);

        var context = new Option<FileInfo?>("--context", "-c") { Description = "The request context (JSON): { \"jurisdiction\": \"EU\", \"facts\": [\"Minor\"], \"known\": [\"Minor\", \"RolePlay\"] }; known defaults to facts. Without it: no jurisdiction, nothing known." };
        var schema = new Command("schema", "Print the JSON Schema (2020-12) of the user preferences in a jurisdiction (without one: every law at once), with nothing known of the user unless a context file says what is.") { assembly, jurisdiction, context, policy };
        schema.SetAction(r =>
        {
            using var loaded = LoadedPolicy.Load(r.GetValue(assembly)!.ToString(), r.GetValue(policy));
            var requestContext = WithJurisdiction(ReadContext(r.GetValue(context)), r.GetValue(jurisdiction));
            ContextFile.CheckJurisdiction(loaded.Registry, requestContext.Jurisdiction);
            output.Write(UntrustedText.EscapeKeepingLines(PreferencesSchema.ToText(loaded.Registry, requestContext) + "\n"));
            return Ok;
        });
        root.Subcommands.Add(schema);

        var prefs = new Option<FileInfo>("--prefs", "-p") { Description = "The user's preferences (JSON), as a settings UI or an API sends them.", Required = true };
        var resolve = new Command("resolve", "Resolve a preferences file against the policy: the file's errors, then per dimension what was asked, what is granted and whose bound decided.") { assembly, prefs, jurisdiction, context, policy };
        resolve.SetAction(r =>
        {
            using var loaded = LoadedPolicy.Load(r.GetValue(assembly)!.ToString(), r.GetValue(policy));
            var requestContext = WithJurisdiction(ReadContext(r.GetValue(context)), r.GetValue(jurisdiction));
            ContextFile.CheckJurisdiction(loaded.Registry, requestContext.Jurisdiction);
            var prefsFile = r.GetValue(prefs)!;
            ResolveReport.Write(text, terminal, loaded.Registry, prefsFile.ToString(), InputFiles.ReadBounded(prefsFile.ToString(), "preferences"), requestContext);
            return Ok;
        });
        root.Subcommands.Add(resolve);

        var verify = new Command("verify", "Check that no higher tier's bound overrides a lower tier's default or bound, in every jurisdiction and every context (the analysers' PAC0001/PAC0012 check, on the compiled policy). Without --policy, every policy of the assembly. Exits 1 on a conflict.") { assembly, policy };
        verify.SetAction(r =>
        {
            using var loaded = LoadedPolicy.LoadEach(r.GetValue(assembly)!.ToString(), r.GetValue(policy));
            return VerifyReport.Write(text, terminal, loaded) > 0 ? Conflicts : Ok;
        });
        root.Subcommands.Add(verify);

        var oldAssembly = new Argument<FileInfo>("old-assembly") { Description = "The policy assembly before the change." };
        var newAssembly = new Argument<FileInfo>("new-assembly") { Description = "The policy assembly after the change." };
        var diffFormat = FormatOption("text or json.", "text", "json");
        var diff = new Command("diff", "Compare two versions of a policy: every bound that widened or narrowed, per jurisdiction and context. Exits 1 when anything widened.") { oldAssembly, newAssembly, diffFormat, policy };
        diff.SetAction(r =>
        {
            using var old = LoadedPolicy.Load(r.GetValue(oldAssembly)!.ToString(), r.GetValue(policy));
            using var @new = LoadedPolicy.Load(r.GetValue(newAssembly)!.ToString(), r.GetValue(policy));
            var changes = PolicyDiff.Compare(old.Registry, @new.Registry);
            if (r.GetValue(diffFormat) == "json")
            {
                DiffReport.WriteJson(output, old, @new, changes);
            }
            else
            {
                DiffReport.WriteText(text, terminal, old, @new, changes);
            }

            return changes.Any(e => e.Widens) ? Widened : Ok;
        });
        root.Subcommands.Add(diff);
        root.Subcommands.Add(ReplayCommand.Create(output, text, terminal, policy));
        root.Subcommands.Add(TestCommand.Create(text, terminal, policy));
        root.Subcommands.Add(ReportCommand.Create(output, policy));

        // Help is laid out to the same width as every report (System.CommandLine would otherwise use the window's, or none).
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                action.MaxWidth = terminal.Width;
            }
        }

        return root;
    }

    /// <summary>A <c>--format</c> option taking one of <paramref name="formats"/>, the first by default.</summary>
    private static Option<string> FormatOption(string description, params string[] formats)
    {
        var option = new Option<string>("--format", "-f") { Description = description, DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static PolicyContext ReadContext(FileInfo? file) => file is null ? default : ContextFile.Read(file.ToString());

    // --jurisdiction overrides the context file's jurisdiction; the facts stay the file's.
    private static PolicyContext WithJurisdiction(PolicyContext context, string? jurisdiction) =>
        jurisdiction is null ? context : context with { Jurisdiction = jurisdiction };
}
