using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>
/// Overlays over the QuickStart's nested laws (DE within EU, US-CA within US): an entry confined to a jurisdiction
/// binds wherever that jurisdiction's law applies, stays the organisation's, and may only narrow every level there.
/// </summary>
public class NestedLawOverlayTests
{
    private static readonly PolicyRegistry Compiled = LearnerPreferences.Registry;

    [Fact]
    public void An_entry_for_DE_narrows_DE_only_and_stays_the_organisations_bound()
    {
        using var engine = Learners.Engine();
        var result = engine.ApplyOverlay(PolicyOverlay.Empty.In("DE", de => de.AtMost("MemoryDays", 7, "German pilot")));
        Assert.True(result.Succeeded, result.Compilation.Describe());

        var asks = new LearnerPreferences { MemoryDays = 10 };
        var inDe = engine.Resolve(asks, Learners.DeAdult);
        Assert.Equal(7, inDe.Effective.MemoryDays);
        var adjustment = Assert.Single(inDe.Adjustments);
        Assert.Equal("organisation contoso-learning", adjustment.Tier!.ToString());
        Assert.Equal("AtMost(7) in DE", adjustment.Rule!.Source);
        Assert.Equal("MemoryDays: asked 10, granted 7 by organisation contoso-learning's AtMost(7) in DE: German pilot", adjustment.Explain());

        // EU, US and US-CA requests are untouched: DE's law does not apply there.
        foreach (var context in new[] { Learners.EuAdult, Learners.UsAdult, Learners.UsCaAdult })
        {
            var elsewhere = engine.Resolve(asks, context);
            Assert.Equal(10, elsewhere.Effective.MemoryDays);
            Assert.Empty(elsewhere.Adjustments);
        }

        // A jurisdiction the policy does not know applies every law, so every confined entry too (fail closed).
        Assert.Equal(7, engine.Resolve(asks, Learners.ElsewhereAdult).Effective.MemoryDays);
        Assert.Equal(7, engine.Resolve(asks, PolicyContext.In(null).With(Fact.Minor, false).With(Fact.ConsentsToMemory, true)).Effective.MemoryDays);
    }

    [Fact]
    public void An_entry_for_EU_binds_in_DE_too_because_EU_law_applies_there()
    {
        using var engine = Learners.Engine();
        Assert.True(engine.ApplyOverlay(PolicyOverlay.Empty.In("eu", eu => eu.AtMost("Maturity", Maturity.General))).Succeeded);

        var asks = new LearnerPreferences { Maturity = Maturity.Teen };
        var inDe = engine.Resolve(asks, Learners.DeAdult);
        Assert.Equal(Maturity.General, inDe.Effective.Maturity);
        Assert.Equal("AtMost(Maturity.General) in EU", Assert.Single(inDe.Adjustments).Rule!.Source); // the policy's spelling of EU
        Assert.Equal(Maturity.General, engine.Resolve(asks, Learners.EuAdult).Effective.Maturity);
        Assert.Equal(Maturity.General, engine.Resolve(asks, Learners.ElsewhereAdult).Effective.Maturity);
        Assert.Equal(Maturity.Teen, engine.Resolve(asks, Learners.UsAdult).Effective.Maturity);
        Assert.Equal(Maturity.Teen, engine.Resolve(asks, Learners.UsCaAdult).Effective.Maturity);
    }

    [Fact]
    public void An_entry_for_DE_that_would_widen_EU_law_in_DE_is_rejected_and_the_previous_policy_stays()
    {
        using var engine = Learners.Engine();
        Assert.True(engine.ApplyOverlay(PolicyOverlay.Empty.In("DE", de => de.AtMost("MemoryDays", 7))).Succeeded);
        var before = engine.Current;

        // EU law locks AI disclosure; DE's law is within EU, so a DE entry unlocking it would widen EU law in DE.
        var result = engine.ApplyOverlay(PolicyOverlay.Empty.In("DE", de => de.Locked("DiscloseAi", false)));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Compilation.Errors);
        Assert.Equal(OverlayErrorKind.Widening, error.Kind);
        Assert.Equal("DiscloseAi", error.Dimension);
        Assert.Equal("Locked(false) in DE", error.Bound);
        Assert.Equal("DiscloseAi: Locked(false) in DE would widen the compiled policy in DE within EU, which allows {true}; an overlay may only narrow", error.Message);
        Assert.Same(before, engine.Current);
        Assert.Equal(7, engine.Resolve(new LearnerPreferences { MemoryDays = 10 }, Learners.DeAdult).Effective.MemoryDays);
    }

    [Theory]
    [InlineData("US-CA", "in US-CA within US")]
    [InlineData("US", "in US-CA within US")] // allowed in US itself, but an entry for US binds in US-CA too, whose law locks it
    public void An_entry_is_checked_in_every_jurisdiction_it_binds_in(string jurisdiction, string where)
    {
        var compilation = PolicyOverlayCompiler.Compile(Compiled, PolicyOverlay.Empty.In(jurisdiction, o => o.Locked("DiscloseAi", false)));

        Assert.False(compilation.Succeeded);
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(OverlayErrorKind.Widening, error.Kind);
        Assert.Equal($"DiscloseAi: Locked(false) in {jurisdiction} would widen the compiled policy {where}, which allows {{true}}; an overlay may only narrow", error.Message);
    }

    [Fact]
    public void An_entry_for_a_jurisdiction_the_policy_does_not_have_is_rejected()
    {
        var compilation = PolicyOverlayCompiler.Compile(Compiled, PolicyOverlay.Empty.In("FR", fr => fr.AtMost("MemoryDays", 7)));

        var error = Assert.Single(compilation.Errors);
        Assert.Equal(OverlayErrorKind.Invalid, error.Kind);
        Assert.Equal("MemoryDays", error.Dimension);
        Assert.StartsWith("MemoryDays: 'FR' is not a jurisdiction of this policy (it has ", error.Message, StringComparison.Ordinal);
        foreach (var known in new[] { "EU", "DE", "US", "US-CA" })
        {
            Assert.Contains(known, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Confined_entries_are_read_from_a_Jurisdictions_section_of_json_and_environment_variables()
    {
        var json = Config("""
            {
              "Overlay": {
                "Jurisdictions": {
                  "de": { "MemoryDays": { "AtMost": 7, "Reason": "German pilot" } },
                  "EU": { "Maturity": { "AtMost": "General" } }
                }
              }
            }
            """).GetSection("Overlay");
        var overlay = PolicyOverlay.FromConfiguration(json);
        Assert.Empty(overlay.Problems);
        Assert.Contains(new OverlayBound("MemoryDays", BoundForm.AtMost, ["7"], Reason: "German pilot", Jurisdiction: "DE"), overlay.Bounds);
        Assert.Contains("MemoryDays.AtMost = 7 in de", overlay.Describe(), StringComparison.Ordinal);

        var registry = PolicyOverlayCompiler.Compile(Compiled, overlay).Registry!;
        var confined = registry.Bounds.Where(b => b.UnderLaw >= 0).ToList();
        Assert.Equal(["AtMost(7) in DE", "AtMost(Maturity.General) in EU"], confined.Select(b => b.Source).Order(StringComparer.Ordinal));
        Assert.All(confined, b => Assert.Equal(TierRank.Organisation, registry.Tiers[b.Tier].Rank));
        Assert.Equal("DE", registry.Tiers[confined.Single(b => b.Source.EndsWith("in DE", StringComparison.Ordinal)).UnderLaw].Name);

        var prefix = "PAC_TEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "Policy__Overlay__Jurisdictions__DE__MemoryDays__AtMost", "7");
        try
        {
            var environment = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build().GetSection("Policy:Overlay");
            var fromEnvironment = PolicyOverlay.FromConfiguration(environment);
            Assert.Equal(new[] { new OverlayBound("MemoryDays", BoundForm.AtMost, ["7"], Jurisdiction: "DE") }, fromEnvironment.Bounds.ToArray());
            Assert.True(PolicyOverlayCompiler.Compile(Compiled, fromEnvironment).Succeeded);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Policy__Overlay__Jurisdictions__DE__MemoryDays__AtMost", null);
        }
    }

    [Fact]
    public void Only_bounds_may_be_confined_to_a_jurisdiction_and_typos_inside_one_are_caught()
    {
        var json = Config("""
            { "Overlay": { "Jurisdictions": { "DE": { "ForbidHazards": ["S11"], "Mood": { "AtMots": "Calm" } }, "US": "strict" } } }
            """).GetSection("Overlay");
        var overlay = PolicyOverlay.FromConfiguration(json);
        Assert.Contains(overlay.Problems, p => p.StartsWith("Jurisdictions in DE: 'ForbidHazards' cannot be confined to a jurisdiction", StringComparison.Ordinal));
        Assert.Contains(overlay.Problems, p => p.StartsWith("Mood in DE: unknown key 'AtMots'", StringComparison.Ordinal));
        Assert.Contains(overlay.Problems, p => p.StartsWith("Jurisdictions in US: expected an object of dimensions", StringComparison.Ordinal));

        var compilation = PolicyOverlayCompiler.Compile(Compiled, overlay);
        Assert.False(compilation.Succeeded);
        Assert.Contains(compilation.Errors, e => e.Dimension == "Mood" && e.Kind == OverlayErrorKind.Invalid);

        var inCode = PolicyOverlay.Empty.In("DE", de => de.Forbid(Hazard.Hate));
        Assert.Contains(inCode.Problems, p => p.StartsWith("Jurisdictions in DE: only bounds may be confined", StringComparison.Ordinal));
        Assert.False(PolicyOverlayCompiler.Compile(Compiled, inCode).Succeeded);
    }

    [Fact]
    public void The_fingerprint_changes_with_a_laws_Within_and_with_where_an_overlay_entry_binds()
    {
        var de = Compiled.Tiers.Single(t => t.Name == "DE");
        Assert.Equal("law of DE within EU", de.ToString());
        var flattened = new PolicyRegistry(
            Compiled.Name, Compiled.Tiers.SetItem(de.Index, de with { Within = [] }), Compiled.Dimensions, Compiled.Bounds, Compiled.Forbids,
            Compiled.Waivers, Compiled.Defaults, Compiled.CustomHazards, Compiled.NeverTogether);

        Assert.NotEqual(PolicyFingerprint.Of(Compiled), PolicyFingerprint.Of(flattened));
        Assert.Equal("law of DE", flattened.Tiers[de.Index].ToString()); // the chain is the new shape's, not carried over
        Assert.Empty(flattened.Shape.EnclosingNames(flattened.MatchJurisdiction("DE")));

        using var inDe = Learners.Engine();
        using var inEu = Learners.Engine();
        using var everywhere = Learners.Engine();
        inDe.ApplyOverlay(PolicyOverlay.Empty.In("DE", o => o.AtMost("MemoryDays", 7)));
        inEu.ApplyOverlay(PolicyOverlay.Empty.In("EU", o => o.AtMost("MemoryDays", 7)));
        everywhere.ApplyOverlay(PolicyOverlay.Empty.AtMost("MemoryDays", 7));
        Assert.Equal(3, new[] { inDe.Version, inEu.Version, everywhere.Version }.Distinct().Count());
    }

    private static IConfigurationRoot Config(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
