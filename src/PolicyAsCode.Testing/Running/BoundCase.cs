using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.Testing;

/// <summary>
/// A case checked against one policy and put in its terms: the jurisdiction matched, hazards as bits, expected values
/// encoded by the policy's own preferences reader, tiers, bounds and rules found in its registry. A case that names
/// anything the policy does not have is a <see cref="PolicyCaseException"/> here, before it runs, so a typo in a case
/// never passes or fails as if it were an expectation.
/// </summary>
internal sealed class BoundCase
{
    private BoundCase(PolicyCase policyCase, PolicyRegistry registry)
    {
        Case = policyCase;
        Registry = registry;
        Context = policyCase.Context;
        Preferences = Encoding.UTF8.GetBytes(policyCase.Preferences);
    }

    public PolicyCase Case { get; }

    public PolicyRegistry Registry { get; }

    public PolicyContext Context { get; }

    /// <summary>The matched jurisdiction, or -1 (every law).</summary>
    public int Jurisdiction { get; private set; } = -1;

    public byte[] Preferences { get; }

    /// <summary>The dimensions the case's preferences name (those it asks for rather than leaving at their default).</summary>
    public HashSet<int> Asked { get; } = [];

    /// <summary>Whether the case decides on content; <see cref="Detected"/> is what was detected in it.</summary>
    public bool Decides { get; private set; }

    public Hazard Detected { get; private set; }

    public List<(DimensionInfo Dimension, DimensionValue Value, ExpectedValue Expected)> Effective { get; } = [];

    public List<(DimensionInfo Dimension, AdjustmentCause? Cause, TierInfo? Tier, ExpectedAdjustment Expected)> Adjustments { get; } = [];

    public (bool Allowed, TierInfo? Tier, ForbidRule? Rule, Hazard? Hazards, ExpectedDecision Expected)? Decision { get; private set; }

    public static BoundCase Bind(PolicyRegistry registry, PolicyCase policyCase)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(policyCase);
        var bound = new BoundCase(policyCase, registry);
        var c = policyCase;
        var path = c.Path;

        if (c.Jurisdiction is not null)
        {
            bound.Jurisdiction = registry.MatchJurisdiction(c.Jurisdiction);
            if (bound.Jurisdiction < 0)
            {
                throw c.Fault(path + ".jurisdiction", $"unknown jurisdiction {c.Jurisdiction}; the policy {registry.Name} knows: "
                    + RuleWords.List(registry.Jurisdictions.Select((_, j) => Wording.Jurisdiction(registry.Shape, j)))
                    + ". A request naming any other jurisdiction applies every law at once: write null for that.");
            }
        }

        using (var preferences = JsonDocument.Parse(bound.Preferences))
        {
            foreach (var property in preferences.RootElement.EnumerateObject())
            {
                if (RuleWords.FindDimension(registry, property.Name) is { } dimension)
                {
                    bound.Asked.Add(dimension.Index);
                }
            }
        }

        if (c.Hazards is not null || c.Expect.Decision is not null)
        {
            bound.Decides = true;
            bound.Detected = Hazards(registry, c, c.Hazards ?? [], path + ".hazards");
        }

        foreach (var expected in c.Expect.Effective)
        {
            var dimension = Dimension(registry, c, expected.Dimension, expected.Path);
            bound.Effective.Add((dimension, Encode(registry, c, dimension, expected), expected));
        }

        foreach (var expected in c.Expect.Adjustments ?? [])
        {
            var dimension = Dimension(registry, c, expected.Dimension, expected.Path + ".dimension");
            var tier = expected.Tier is null ? null : Tier(registry, c, expected.Tier, expected.Path + ".tier");
            if (expected.Bound is not null && !registry.Bounds.Any(b => b.Dimension == dimension.Index && b.Source == expected.Bound && (tier is null || b.Tier == tier.Index)))
            {
                var written = registry.Bounds.Where(b => b.Dimension == dimension.Index && (tier is null || b.Tier == tier.Index)).Select(b => b.Source).Distinct().ToList();
                throw c.Fault(expected.Path + ".bound", $"{expected.Bound} is no bound {(tier is null ? "any tier sets" : tier + " sets")} on {dimension.Name}; "
                    + (written.Count == 0 ? "there is none" : "there are: " + RuleWords.List(written)));
            }

            if (bound.Adjustments.Any(a => a.Dimension.Index == dimension.Index))
            {
                throw c.Fault(expected.Path, $"a second adjustment of {expected.Dimension}; a resolution adjusts each dimension at most once");
            }

            bound.Adjustments.Add((dimension, Cause(expected.Cause), tier, expected));
        }

        if (c.Expect.Decision is { } decision)
        {
            var tier = decision.Tier is null ? null : Tier(registry, c, decision.Tier, decision.Path + ".tier");
            ForbidRule? rule = null;
            if (decision.Rule is not null)
            {
                var rules = registry.Forbids.Where(f => tier is null || f.Tier == tier.Index).ToList();
                rule = rules.FirstOrDefault(f => string.Equals(RuleWords.Forbid(registry, f), decision.Rule, StringComparison.OrdinalIgnoreCase))
                    ?? throw c.Fault(decision.Path + ".rule", $"\"{decision.Rule}\" is no hazard rule of {(tier?.ToString() ?? "the policy")}; there are: "
                        + RuleWords.List(rules.Select(f => "\"" + RuleWords.Forbid(registry, f) + "\"")));
            }

            var hazards = decision.Hazards is null ? (Hazard?)null : Hazards(registry, c, decision.Hazards, decision.Path + ".hazards");
            bound.Decision = (decision.Allowed, tier, rule, hazards, decision);
        }

        return bound;
    }

    private static DimensionInfo Dimension(PolicyRegistry registry, PolicyCase c, string name, string path) =>
        RuleWords.FindDimension(registry, name)
        ?? throw c.Fault(path, $"\"{name}\" names no dimension of {registry.Name}; dimensions are {RuleWords.DimensionChoices(registry)}");

    private static TierInfo Tier(PolicyRegistry registry, PolicyCase c, string name, string path) =>
        RuleWords.FindTier(registry, name) ?? throw c.Fault(path, $"\"{name}\" names no tier; the tiers are {RuleWords.TierChoices(registry)}");

    private static Hazard Hazards(PolicyRegistry registry, PolicyCase c, IReadOnlyList<string> names, string path)
    {
        var hazards = Hazard.None;
        for (var i = 0; i < names.Count; i++)
        {
            hazards |= RuleWords.ParseHazard(registry, names[i])
                ?? throw c.Fault(CaseDocument.Item(path, i), $"\"{names[i]}\" is not a hazard; hazards are {RuleWords.HazardChoices(registry)}");
        }

        return hazards;
    }

    // The value, read by the policy's own preferences reader: what is a valid value is the wire format's one answer.
    private static DimensionValue Encode(PolicyRegistry registry, PolicyCase c, DimensionInfo dimension, ExpectedValue expected)
    {
        var document = Encoding.UTF8.GetBytes("{" + JsonSerializer.Serialize(expected.Dimension) + ":" + expected.Json + "}");
        var read = PreferencesJson.Read(registry, document, c.Context);
        if (read.Errors.Count > 0)
        {
            throw c.Fault(expected.Path, "not a value of " + dimension.Name + ": " + read.Errors[0].Message);
        }

        return read.Requested[dimension.Index];
    }

    private static AdjustmentCause? Cause(string? cause) => cause switch
    {
        null => null,
        "clamped" => AdjustmentCause.Clamped,
        "waived" => AdjustmentCause.Waived,
        "failed closed" => AdjustmentCause.FailedClosed,
        _ => AdjustmentCause.Contradiction,
    };
}
