using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PolicyAsCode.Tool;

/// <summary>
/// <c>pac verify</c>: the build-time promise checked again on a compiled policy. <see cref="OverrideCheck.All"/> runs
/// on each registry's <see cref="PolicyRegistry.Shape"/> (the analysers' own check, so an assembly built with the
/// diagnostics suppressed, or by an older SDK, answers as a fresh build would); every value or bound a higher tier's
/// bound overrides is a conflict, printed with its jurisdiction, a context in which it happens, both rules and their
/// tiers, and what the tiers above allow there. A bound with no effect (<see cref="OverrideKind.NoEffect"/>, PAC0002)
/// is printed as a note: it makes no user's choice differ from what the policy says, so it never fails the check.
/// </summary>
internal static class VerifyReport
{
    /// <summary>Writes the report of every policy; returns the number of conflicts found.</summary>
    public static int Write(TextWriter output, Terminal terminal, LoadedPolicy.LoadedPolicies loaded)
    {
        var total = 0;
        var first = true;
        foreach (var (_, registry) in loaded.Policies)
        {
            output.Write((first ? string.Empty : "\n") + UntrustedText.Escape($"pac verify: {registry.Name} ({loaded.Path})") + "\n");
            first = false;
            total += WritePolicy(output, terminal, registry);
        }

        return total;
    }

    private static int WritePolicy(TextWriter output, Terminal terminal, PolicyRegistry registry)
    {
        var shape = registry.Shape;
        var found = OverrideCheck.All(shape).ToList();

        // By jurisdiction, in the order the kernel found them (values, then bounds in canonical order).
        var conflicts = found.Where(o => o.Kind != OverrideKind.NoEffect).OrderBy(o => o.Jurisdiction).ToList();
        var notes = found.Where(o => o.Kind == OverrideKind.NoEffect).OrderBy(o => o.Jurisdiction).ToList();

        if (conflicts.Count > 0)
        {
            output.Write("\n" + terminal.Paint("Conflicts", Ink.Red) + " (a lower tier's rule that a higher tier's bound overrides; resolution does not apply it as written):\n");
            var table = new TextTable("jurisdiction", "context", "dimension", "rule", "tier", "overridden by", "its tier", "the tiers above allow");
            foreach (var o in conflicts)
            {
                var dimension = registry.Dimensions[o.Dimension];
                var higher = o.Higher >= 0 ? registry.Bounds[o.Higher] : null;
                table.Add(
                    Jurisdiction(shape, o.Jurisdiction),
                    Context(registry, o),
                    dimension.Name,
                    o.Kind == OverrideKind.Value ? "default " + dimension.Format(o.Value) : Rule(registry.Bounds[o.Bound]),
                    registry.Tiers[o.Tier].ToString(),
                    higher is null ? "the bounds above, together" : Rule(higher),
                    higher is null ? "-" : registry.TierOf(higher).ToString(),
                    dimension.Format(o.HigherAllows));
            }

            table.Write(output, terminal);
        }

        if (notes.Count > 0)
        {
            output.Write("\nNotes (bounds with no effect, PAC0002; not conflicts):\n");
            foreach (var o in notes)
            {
                var rule = registry.Bounds[o.Bound];
                var dimension = registry.Dimensions[o.Dimension];
                var wider = o.Higher >= 0 ? registry.Bounds[o.Higher] : null;
                var than = wider is null ? "the tiers above" : $"{registry.TierOf(wider)}'s {Rule(wider)}";
                output.Write(UntrustedText.Escape($"- {Jurisdiction(shape, o.Jurisdiction)}: {registry.Tiers[o.Tier]}'s {Rule(rule)} on {dimension.Name} is no narrower than {than}; "
                    + $"it has no effect there ({dimension.Format(o.HigherAllows)} is allowed either way).") + "\n");
            }
        }

        var jurisdictions = shape.Jurisdictions.Length == 0
            ? "the policy's one deployment (it has no law)"
            : $"{shape.Jurisdictions.Length} jurisdiction{Plural(shape.Jurisdictions.Length)} ({string.Join(", ", shape.DeployedJurisdictions().Select(j => Jurisdiction(shape, j)))})";
        var contexts = ContextsChecked(shape);
        var checkedContexts = $"{contexts} context{Plural(contexts)} checked";
        if (conflicts.Count == 0)
        {
            output.Write("\n" + UntrustedText.Escape($"no conflicts in {jurisdictions}, {checkedContexts}" + (notes.Count > 0 ? $"; {notes.Count} note{Plural(notes.Count)}" : string.Empty) + ".") + "\n");
        }
        else
        {
            var everywhere = conflicts.Count(o => o.InEveryContext);
            var kinds = string.Join(", ", new[] { (everywhere, "wherever the rule applies"), (conflicts.Count - everywhere, "only in some contexts") }
                .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}"));
            output.Write("\n" + UntrustedText.Escape($"{conflicts.Count} conflict{Plural(conflicts.Count)} ({kinds}) in {jurisdictions}, {checkedContexts}: higher tiers override these rules.") + "\n");
        }

        return conflicts.Count;
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    /// <summary>A bound rule as written, with its condition: <c>AtMost(Maturity.Teen) (when Minor)</c>.</summary>
    private static string Rule(BoundRule rule) =>
        rule.Source + (rule.Condition.IsAlways ? string.Empty : $" ({rule.Condition})");

    // With the jurisdictions it sits within ("DE within EU"), whose laws are checked there too.
    private static string Jurisdiction(PolicyShape shape, int jurisdiction) =>
        jurisdiction < 0 ? "every deployment" : Wording.Jurisdiction(shape, jurisdiction);

    // The witness's facts that matter; an override in every context of a conditional rule happens wherever it applies.
    private static string Context(PolicyRegistry registry, Override o) =>
        o.InEveryContext && o.Kind == OverrideKind.Bound && !registry.Bounds[o.Bound].Condition.IsAlways
            ? "wherever the rule applies"
            : ContextSpace.Describe(o.Witness, o.Relevant);

    /// <summary>The contexts the check covers: per jurisdiction, every state of every fact a condition names, less those declared impossible.</summary>
    private static int ContextsChecked(PolicyShape shape)
    {
        var facts = Fact.None;
        for (var d = 0; d < shape.Dimensions.Length; d++)
        {
            facts |= shape.FactsOn(d);
        }

        var count = 0;
        foreach (var jurisdiction in shape.DeployedJurisdictions())
        {
            count += ContextSpace.Every(shape.JurisdictionName(jurisdiction), facts, shape.NeverTogether).Count();
        }

        return count;
    }
}
