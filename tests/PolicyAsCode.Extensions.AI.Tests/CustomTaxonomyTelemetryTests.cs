using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Linq;
using PolicyAsCode.Runtime;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>
/// Issue 16: telemetry names the benefits and risks of the bound or rule responsible by their ids, a project's own
/// included, and the fingerprint changes with a project's declarations (and only when there are some).
/// </summary>
public sealed class CustomTaxonomyTelemetryTests : IDisposable
{
    private static readonly TaxonomyEntry CivicTrust = new("benefit.societal.civic-trust", "Civic trust", TaxonomyLevel.Societal, "People trust public information.");
    private static readonly TaxonomyEntry NewsFatigue = new("risk.individual.news-fatigue", "News fatigue", TaxonomyLevel.Individual, "The user is worn out by news.");

    private readonly PolicyTelemetry _telemetry = new();
    private readonly MeterListener _meters = new();
    private readonly List<(string Instrument, Dictionary<string, object?> Tags)> _measurements = [];

    public CustomTaxonomyTelemetryTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        _meters.Start();
    }

    public void Dispose()
    {
        _meters.Dispose();
        _telemetry.Dispose();
    }

    [Fact]
    public void Adjustments_and_refusals_carry_the_ids_of_the_custom_benefits_and_risks()
    {
        var registry = Registry(CivicTrust, NewsFatigue);
        var context = PolicyContext.In("EU");
        var resolution = new PolicyInterpreter(registry).Resolve([DimensionValue.OfNumber(30)], context);
        Assert.Single(resolution.Adjustments);

        _telemetry.RecordResolution(registry, resolution);
        _telemetry.RecordDecision(registry, Decision.Refuse(registry.Forbids[0], registry.Tiers[0], Hazard.Hate), ContentStage.Output);

        var adjustment = Assert.Single(Recorded("policyascode.adjustments"));
        Assert.Equal("benefit.societal.civic-trust", adjustment[PolicyTelemetry.BenefitsTag]);
        Assert.Equal("risk.individual.news-fatigue,risk.individual.over-reliance", adjustment[PolicyTelemetry.RisksTag]);
        var refusal = Assert.Single(Recorded("policyascode.refusals"));
        Assert.Equal("risk.individual.news-fatigue", refusal[PolicyTelemetry.RisksTag]);
    }

    [Fact]
    public void The_link_ids_are_worded_once_per_registry_not_on_every_request()
    {
        var registry = Registry(CivicTrust, NewsFatigue);
        var resolution = new PolicyInterpreter(registry).Resolve([DimensionValue.OfNumber(30)], PolicyContext.In("EU"));

        _telemetry.RecordResolution(registry, resolution);
        _telemetry.RecordResolution(registry, resolution);

        var both = Recorded("policyascode.adjustments");
        Assert.Equal(2, both.Count);
        Assert.Equal("risk.individual.news-fatigue,risk.individual.over-reliance", both[0][PolicyTelemetry.RisksTag]);
        Assert.Same(both[0][PolicyTelemetry.RisksTag], both[1][PolicyTelemetry.RisksTag]);
        Assert.Same(both[0][PolicyTelemetry.BenefitsTag], both[1][PolicyTelemetry.BenefitsTag]);
    }

    [Fact]
    public void Links_without_taxonomy_are_none()
    {
        var registry = Registry(CivicTrust, NewsFatigue);
        Assert.Equal("none", PolicyTelemetry.BenefitIds(registry, []));
        Assert.Equal("none", PolicyTelemetry.RiskIds(registry, default));
        Assert.Equal("benefit.individual.autonomy,benefit.societal.civic-trust", PolicyTelemetry.BenefitIds(registry, [Benefit.Autonomy, Benefit.Custom1]));
    }

    [Fact]
    public void The_fingerprint_changes_with_a_declaration_and_not_without_one()
    {
        var civic = Registry(CivicTrust, NewsFatigue);
        Assert.Equal(PolicyFingerprint.Of(civic), PolicyFingerprint.Of(Registry(CivicTrust, NewsFatigue)));
        Assert.NotEqual(PolicyFingerprint.Of(civic), PolicyFingerprint.Of(Registry(CivicTrust with { Id = "benefit.societal.public-trust" }, NewsFatigue)));
        Assert.NotEqual(PolicyFingerprint.Of(civic), PolicyFingerprint.Of(Registry(CivicTrust, NewsFatigue with { Id = "risk.societal.news-fatigue", Level = TaxonomyLevel.Societal })));
        Assert.Contains("benefit 9001 benefit.societal.civic-trust Societal\n", PolicyFingerprint.Canonical(civic), StringComparison.Ordinal);

        // A policy without declarations hashes the text it hashed before they existed: no line is added.
        var plain = new PolicyRegistry(civic.Name, civic.Tiers, civic.Dimensions, civic.Bounds, civic.Forbids, civic.Waivers, civic.Defaults, civic.CustomHazards);
        Assert.DoesNotContain("benefit ", PolicyFingerprint.Canonical(plain), StringComparison.Ordinal);
        Assert.DoesNotContain("risk ", PolicyFingerprint.Canonical(plain), StringComparison.Ordinal);
    }

    [Fact]
    public void A_decisions_explanation_names_the_projects_own_risk_when_given_the_policy()
    {
        var registry = Registry(CivicTrust, NewsFatigue);
        var refusal = Decision.Refuse(registry.Forbids[0], registry.Tiers[0], Hazard.Hate);

        Assert.Contains("mitigates risk.individual.news-fatigue", refusal.Explain(registry), StringComparison.Ordinal);
        Assert.Contains("mitigates Custom2", refusal.Explain(), StringComparison.Ordinal);
    }

    private List<Dictionary<string, object?>> Recorded(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags).ToList();
        }
    }

    // An EU law capping news items at 10 (mitigating the project's own risk and a shipped one) and refusing hate, and its users.
    private static PolicyRegistry Registry(TaxonomyEntry benefit, TaxonomyEntry risk) =>
        new(
            "Civic.Prefs",
            [new TierInfo(0, "EU", "Civic.Law", TierRank.Immutable, []), new TierInfo(1, "Prefs", "Civic.Prefs", TierRank.User, [0])],
            [new DimensionInfo(0, "NewsPerDay", DimensionKind.Integer, "int", [], [], Lattice.IntegerDomain, false, DimensionValue.OfNumber(5), true, "news a day", [Benefit.Custom1], [Risk.Custom2])],
            [new BoundRule(0, 0, 0, BoundForm.AtMost, new Bound(DimensionKind.Integer, int.MinValue, 10, 0, 0), default, null, "AtMost(10)", "ten a day", [Benefit.Custom1], [Risk.Custom2, Risk.OverReliance])],
            [new ForbidRule(0, 0, Hazard.Hate, default, "no hate", null, [Risk.Custom2])],
            [],
            [],
            [],
            customBenefits: ImmutableArray.Create(new BenefitInfo(Benefit.Custom1, benefit)),
            customRisks: ImmutableArray.Create(new RiskInfo(Risk.Custom2, risk)));
}
