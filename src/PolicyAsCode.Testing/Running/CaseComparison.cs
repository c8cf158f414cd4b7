using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.Testing;

/// <summary>
/// The one comparison of what a policy did with what a case expects, and the one description of what it did: the
/// xUnit helper and <c>pac test</c> both report through here. Values are shown in the wire format, adjustments and
/// decisions with the runtime's own explanations (<see cref="Adjustment.Explain(PolicyRegistry)"/>, <see cref="Decision.Explain(PolicyRegistry)"/>).
/// </summary>
internal static class CaseComparison
{
    public static List<string> Compare(BoundCase bound, CaseOutcome outcome)
    {
        var differences = new List<string>();
        Errors(bound, outcome, differences);

        foreach (var (dimension, value, expected) in bound.Effective)
        {
            var got = outcome.Effective[dimension.Index];
            if (got != value)
            {
                differences.Add($"effective {expected.Dimension}: expected {Json(dimension, value)}, got {Json(dimension, got)}");
            }
        }

        if (bound.Case.Expect.Adjustments is not null)
        {
            Adjustments(bound.Registry, bound, outcome, differences);
        }

        if (bound.Decision is { } decision && outcome.Decision is { } made)
        {
            Decide(bound.Registry, decision, made, differences);
        }

        return differences;
    }

    /// <summary>What the policy did, for a failure's report.</summary>
    public static List<string> Describe(BoundCase bound, CaseOutcome outcome)
    {
        var registry = bound.Registry;
        var lines = new List<string>
        {
            "request: in " + (bound.Jurisdiction >= 0 ? Wording.Jurisdiction(registry.Shape, bound.Jurisdiction) : "no jurisdiction (every law applies)")
            + "; " + Facts(bound.Context) + "; preferences " + bound.Case.Preferences,
        };
        foreach (var error in outcome.Errors)
        {
            lines.Add("preference error: " + error);
        }

        lines.AddRange(outcome.Adjustments.Count == 0
            ? ["resolution: every value granted as asked"]
            : outcome.Adjustments.Select(a => "adjustment: " + a.Explain(registry)));
        if (outcome.Decision is { } decision)
        {
            lines.Add("decision on " + RuleWords.Hazards(registry, bound.Detected) + ": " + decision.Explain(registry)
                + (decision.Tier is { } tier ? " (" + tier + ": " + RuleWords.Forbid(registry, decision.Rule!) + ")" : string.Empty));
        }

        return lines;
    }

    private static void Errors(BoundCase bound, CaseOutcome outcome, List<string> differences)
    {
        var expected = bound.Case.Expect.Errors;
        foreach (var error in outcome.Errors.Where(e => !expected.Contains(e.Path, StringComparer.Ordinal)))
        {
            differences.Add($"preference error not expected: {error}");
        }

        foreach (var path in expected.Where(p => !outcome.Errors.Any(e => e.Path == p)))
        {
            differences.Add($"preference error at {path} expected, but there is none there");
        }
    }

    private static void Adjustments(PolicyRegistry registry, BoundCase bound, CaseOutcome outcome, List<string> differences)
    {
        foreach (var (dimension, cause, tier, expected) in bound.Adjustments)
        {
            var name = expected.Dimension;
            var actual = outcome.Adjustments.FirstOrDefault(a => a.Dimension.Index == dimension.Index);
            if (actual is null)
            {
                differences.Add($"adjustment of {name}: expected {Expected(expected)}, but {name} was granted as asked ({Json(dimension, outcome.Effective[dimension.Index])})");
                continue;
            }

            if (cause is { } c && c != actual.Cause)
            {
                differences.Add($"adjustment of {name}: expected cause {expected.Cause}, got {Cause(actual.Cause)} ({actual.Explain(registry)})");
            }

            if (tier is not null && actual.Tier?.Index != tier.Index)
            {
                differences.Add($"adjustment of {name}: expected tier {tier}, got {actual.Tier?.ToString() ?? "no tier"} ({actual.Explain(registry)})");
            }

            if (expected.Bound is { } source && actual.Rule?.Source != source)
            {
                differences.Add($"adjustment of {name}: expected bound {source}, got {actual.Rule?.Source ?? "no bound"} ({actual.Explain(registry)})");
            }
        }

        foreach (var actual in outcome.Adjustments.Where(a => !bound.Adjustments.Any(e => e.Dimension.Index == a.Dimension.Index)))
        {
            differences.Add($"adjustment of {PreferenceNames.JsonName(actual.Dimension.Name)} not expected: {actual.Explain(registry)}");
        }
    }

    private static void Decide(PolicyRegistry registry, (bool Allowed, TierInfo? Tier, ForbidRule? Rule, Hazard? Hazards, ExpectedDecision Expected) expected, Decision made, List<string> differences)
    {
        if (expected.Allowed != made.IsAllowed)
        {
            differences.Add($"decision: expected {(expected.Allowed ? "allowed" : "refused")}, got {made.Explain(registry)}");
            return;
        }

        if (expected.Tier is { } tier && made.Tier?.Index != tier.Index)
        {
            differences.Add($"decision: expected refused by {tier}, got refused by {made.Tier?.ToString() ?? "no tier"} ({made.Explain(registry)})");
        }

        if (expected.Rule is { } rule && made.Rule?.Index != rule.Index)
        {
            differences.Add($"decision: expected rule \"{RuleWords.Forbid(registry, rule)}\", got "
                + (made.Rule is null ? "no rule" : "\"" + RuleWords.Forbid(registry, made.Rule) + "\"") + $" ({made.Explain(registry)})");
        }

        if (expected.Hazards is { } hazards && made.Hazards != hazards)
        {
            differences.Add($"decision: expected refused for {RuleWords.Hazards(registry, hazards)}, got refused for {RuleWords.Hazards(registry, made.Hazards)} ({made.Explain(registry)})");
        }
    }

    private static string Expected(ExpectedAdjustment expected)
    {
        var parts = new List<string>();
        parts.Add(expected.Cause ?? "an adjustment");
        if (expected.Tier is not null)
        {
            parts.Add("by " + expected.Tier);
        }

        if (expected.Bound is not null)
        {
            parts.Add("(" + expected.Bound + ")");
        }

        return string.Join(" ", parts);
    }

    /// <summary>A cause as <c>pac resolve</c> prints it and a case writes it.</summary>
    public static string Cause(AdjustmentCause cause) => cause switch
    {
        AdjustmentCause.Clamped => "clamped",
        AdjustmentCause.Waived => "waived",
        AdjustmentCause.FailedClosed => "failed closed",
        _ => "contradiction",
    };

    /// <summary>A value in the wire format; a value outside the dimension's domain (an unreadable request) in words.</summary>
    public static string Json(DimensionInfo dimension, DimensionValue value)
    {
        if (!dimension.InDomain(value))
        {
            return "(a value outside " + dimension.Name + "'s domain)";
        }

        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            PreferencesJson.WriteValue(writer, dimension, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Facts(in PolicyContext context)
    {
        var holds = context.Facts & context.Known;
        var notHolding = context.Known & ~context.Facts;
        var parts = new List<string>();
        if (holds != Fact.None)
        {
            parts.Add("holds: " + Wording.Facts(holds).Replace(" and ", ", ", StringComparison.Ordinal));
        }

        if (notHolding != Fact.None)
        {
            parts.Add("known not to hold: " + Wording.Facts(notHolding).Replace(" and ", ", ", StringComparison.Ordinal));
        }

        return parts.Count == 0 ? "nothing known" : string.Join("; ", parts);
    }
}
