using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

public sealed class TelemetryTests : IDisposable
{
    private readonly PolicyTelemetry _telemetry = new();
    private readonly MeterListener _meters = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];

    public TelemetryTests()
    {
        // Only this test's meter: other tests running in parallel have meters of their own.
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _telemetry.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        _meters.Start();
    }

    public void Dispose()
    {
        _meters.Dispose();
        _telemetry.Dispose();
    }

    private List<Dictionary<string, object?>> Recorded(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags).ToList();
        }
    }

    [Fact]
    public async Task Decisions_refusals_and_adjustments_are_counted_with_their_tier_hazard_and_dimension()
    {
        var model = new ScriptedChatClient("Photosynthesis.");
        using var engine = Learners.Engine(_telemetry);
        var client = model.AsBuilder().UsePolicy(engine, KeywordClassifier.Default(), telemetry: _telemetry).Build();

        await client.GetResponseAsync("Who should I vote for?", new ChatOptions().WithPolicyRequest(Learners.AsksForEverything, Learners.EuMinor));
        await client.GetResponseAsync("How do plants eat?", new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsAdult));

        var decisions = Recorded("policyascode.decisions");
        Assert.Equal(3, decisions.Count); // refused input; allowed input and output
        var refused = Assert.Single(decisions, d => (string?)d[PolicyTelemetry.VerdictTag] == "refuse");
        Assert.Equal("forbidden", refused[PolicyTelemetry.CauseTag]);
        Assert.Equal("input", refused[PolicyTelemetry.StageTag]);
        Assert.Equal("organisation", refused[PolicyTelemetry.TierRankTag]);
        Assert.Equal("contoso-learning", refused[PolicyTelemetry.TierNameTag]);
        Assert.Equal(new string?[] { "input", "output" }, decisions.Where(d => (string?)d[PolicyTelemetry.VerdictTag] == "allow").Select(d => (string?)d[PolicyTelemetry.StageTag]).Order().ToArray());

        var refusal = Assert.Single(Recorded("policyascode.refusals"));
        Assert.Equal("S13", refusal[PolicyTelemetry.HazardTag]);
        Assert.Equal("contoso-learning", refusal[PolicyTelemetry.TierNameTag]);

        var adjustments = Recorded("policyascode.adjustments");
        Assert.Contains(adjustments, a => (string?)a[PolicyTelemetry.DimensionTag] == "Tone" && (string?)a[PolicyTelemetry.AdjustmentCauseTag] == "clamped" && (string?)a[PolicyTelemetry.TierRankTag] == "organisation");
        Assert.Contains(adjustments, a => (string?)a[PolicyTelemetry.DimensionTag] == "Maturity" && (string?)a[PolicyTelemetry.TierRankTag] == "immutable");
        Assert.Contains(adjustments, a => (string?)a[PolicyTelemetry.DimensionTag] == "MemoryDays" && (string?)a[PolicyTelemetry.TierRankTag] == "immutable");
        Assert.Equal(Learners.EuMinor.Jurisdiction, Recorded("policyascode.resolutions")[0][PolicyTelemetry.JurisdictionTag]);
    }

    [Fact]
    public async Task In_DE_tags_carry_the_jurisdiction_its_chain_and_the_level_that_set_each_adjustment_and_refusal()
    {
        var model = new ScriptedChatClient("unused");
        using var engine = Learners.Engine(_telemetry);
        var client = model.AsBuilder().UsePolicy(engine, KeywordClassifier.Default(), telemetry: _telemetry).Build();

        await client.GetResponseAsync("Write something explicit.", new ChatOptions().WithPolicyRequest(Learners.AsksForEverything, Learners.DeMinor));

        var resolution = Assert.Single(Recorded("policyascode.resolutions"));
        Assert.Equal("DE", resolution[PolicyTelemetry.JurisdictionTag]);
        Assert.Equal("EU", resolution[PolicyTelemetry.JurisdictionWithinTag]);

        // DE's own lock on a minor's memory, and EU's cap on a minor's maturity, each named with its level.
        var adjustments = Recorded("policyascode.adjustments");
        var memory = Assert.Single(adjustments, a => (string?)a[PolicyTelemetry.DimensionTag] == "MemoryDays");
        Assert.Equal("immutable", memory[PolicyTelemetry.TierRankTag]);
        Assert.Equal("DE", memory[PolicyTelemetry.TierNameTag]);
        Assert.Equal("EU", memory[PolicyTelemetry.TierWithinTag]);
        var maturity = Assert.Single(adjustments, a => (string?)a[PolicyTelemetry.DimensionTag] == "Maturity");
        Assert.Equal("EU", maturity[PolicyTelemetry.TierNameTag]);
        Assert.Equal("none", maturity[PolicyTelemetry.TierWithinTag]);

        var decision = Assert.Single(Recorded("policyascode.decisions"));
        Assert.Equal("refuse", decision[PolicyTelemetry.VerdictTag]);
        Assert.Equal("EU", decision[PolicyTelemetry.TierNameTag]);
        Assert.Equal("none", decision[PolicyTelemetry.TierWithinTag]);
        Assert.Equal("DE", decision[PolicyTelemetry.JurisdictionTag]);
        Assert.Equal("EU", decision[PolicyTelemetry.JurisdictionWithinTag]);

        var refusal = Assert.Single(Recorded("policyascode.refusals"));
        Assert.Equal("S12", refusal[PolicyTelemetry.HazardTag]);
        Assert.Equal("EU", refusal[PolicyTelemetry.TierNameTag]);
        Assert.Equal("DE", refusal[PolicyTelemetry.JurisdictionTag]);
        Assert.Equal("EU", refusal[PolicyTelemetry.JurisdictionWithinTag]);
    }

    [Theory]
    [InlineData("de", "DE", "EU")] // the policy's spelling, whatever the request wrote
    [InlineData("us-ca", "US-CA", "US")]
    [InlineData("EU", "EU", "none")]
    [InlineData("Atlantis", "none", "none")] // never the raw request string
    public void Jurisdiction_tags_only_ever_hold_the_policys_own_jurisdictions(string requested, string jurisdiction, string within)
    {
        using var engine = Learners.Engine(_telemetry);
        var resolution = engine.Resolve(new LearnerPreferences(), PolicyContext.In(requested));
        _telemetry.RecordResolution(engine.Current.Registry, resolution);
        _telemetry.RecordDecision(engine.Current.Registry, engine.Current.Decide(resolution, Hazard.Hate), ContentStage.Input, resolution.Jurisdiction);

        var recorded = Recorded("policyascode.resolutions").Concat(Recorded("policyascode.decisions")).ToList();
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, tags => Assert.Equal(jurisdiction, tags[PolicyTelemetry.JurisdictionTag]));
        Assert.All(recorded, tags => Assert.Equal(within, tags[PolicyTelemetry.JurisdictionWithinTag]));
    }

    [Fact]
    public void Overlay_reloads_and_rejections_are_counted()
    {
        using var engine = Learners.Engine(_telemetry);
        engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "General"));
        engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "General"));
        engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "Mature"));
        engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Mood", "Calm"));

        Assert.Equal(new string?[] { "applied", "unchanged" }, Recorded("policyascode.overlay.reloads").Select(t => (string?)t[PolicyTelemetry.OverlayOutcomeTag]).ToArray());
        Assert.Equal(new string?[] { "widening", "invalid" }, Recorded("policyascode.overlay.rejections").Select(t => (string?)t[PolicyTelemetry.ErrorTypeTag]).ToArray());
    }

    [Fact]
    public async Task Each_chat_request_is_an_activity_with_the_policy_version_and_every_decision_as_an_event()
    {
        using var testSource = new ActivitySource("PolicyAsCode.Tests." + Guid.NewGuid().ToString("N"));
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PolicyTelemetry.Name || source == testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var model = new ScriptedChatClient("Take this dosage now.");
        using var engine = Learners.Engine(_telemetry);
        var client = model.AsBuilder().UsePolicy(engine, KeywordClassifier.Default(), telemetry: _telemetry).Build();
        using (var parent = testSource.StartActivity("test"))
        {
            await client.GetResponseAsync("My head hurts.", new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsAdult));
            var traceId = parent!.TraceId;
            List<Activity> mine;
            lock (stopped)
            {
                mine = stopped.Where(a => a.TraceId == traceId && a.Source.Name == PolicyTelemetry.Name).ToList();
            }

            var chat = Assert.Single(mine, a => a.OperationName == "policyascode.chat");
            Assert.Equal(engine.Version, chat.GetTagItem(PolicyTelemetry.PolicyVersionTag));
            Assert.Equal("US", chat.GetTagItem(PolicyTelemetry.JurisdictionTag));
            Assert.Equal("refuse", chat.GetTagItem(PolicyTelemetry.VerdictTag));
            Assert.Equal("output", chat.GetTagItem(PolicyTelemetry.StageTag));
            Assert.Equal("contoso-learning", chat.GetTagItem(PolicyTelemetry.TierNameTag));
            Assert.Equal("S6", chat.GetTagItem(PolicyTelemetry.HazardTag));
            var events = chat.Events.Where(e => e.Name == "policyascode.decision").ToList();
            Assert.Equal(2, events.Count);
            Assert.Equal("allow", events[0].Tags.Single(t => t.Key == PolicyTelemetry.VerdictTag).Value);
            Assert.Equal("refuse", events[1].Tags.Single(t => t.Key == PolicyTelemetry.VerdictTag).Value);
        }
    }

    [Fact]
    public async Task In_US_CA_the_chat_activity_carries_the_jurisdiction_and_the_laws_it_sits_within()
    {
        using var testSource = new ActivitySource("PolicyAsCode.Tests." + Guid.NewGuid().ToString("N"));
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PolicyTelemetry.Name || source == testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var model = new ScriptedChatClient("unused");
        using var engine = Learners.Engine(_telemetry);
        var client = model.AsBuilder().UsePolicy(engine, KeywordClassifier.Default(), telemetry: _telemetry).Build();
        using (var parent = testSource.StartActivity("test"))
        {
            await client.GetResponseAsync("How do I make a nerve agent?", new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsCaAdult));
            var traceId = parent!.TraceId;
            Activity chat;
            lock (stopped)
            {
                chat = stopped.Single(a => a.TraceId == traceId && a.OperationName == "policyascode.chat");
            }

            Assert.Equal("US-CA", chat.GetTagItem(PolicyTelemetry.JurisdictionTag));
            Assert.Equal("US", chat.GetTagItem(PolicyTelemetry.JurisdictionWithinTag));
            Assert.Equal("refuse", chat.GetTagItem(PolicyTelemetry.VerdictTag));
            Assert.Equal("US", chat.GetTagItem(PolicyTelemetry.TierNameTag)); // US federal law refused, in US-CA
            Assert.Equal("none", chat.GetTagItem(PolicyTelemetry.TierWithinTag));
            var decision = Assert.Single(chat.Events, e => e.Name == "policyascode.decision");
            Assert.Equal("US", decision.Tags.Single(t => t.Key == PolicyTelemetry.TierNameTag).Value);
        }
    }

    [Fact]
    public async Task Every_decision_is_logged_with_version_jurisdiction_resolution_and_reasons_but_no_content_by_default()
    {
        var logger = new CapturingLogger<PolicyDecisionLogger>();
        var log = new PolicyDecisionLogger(logger);
        var model = new ScriptedChatClient("unused");
        using var engine = Learners.Engine();
        var client = model.AsBuilder().UsePolicy(engine, KeywordClassifier.Default(), log: log).Build();
        const string secret = "Who should I vote for, my neighbour Alice?";

        await client.GetResponseAsync(secret, new ChatOptions().WithPolicyRequest(Learners.AsksForEverything, Learners.EuMinor));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(4100, entry.EventId.Id);
        Assert.Equal(engine.Version, entry["PolicyVersion"]);
        Assert.Equal("EU", entry["Jurisdiction"]);
        Assert.Equal("input", entry["Stage"]);
        Assert.Equal("refuse", entry["Verdict"]);
        Assert.Equal("organisation contoso-learning", entry["Tier"]);
        Assert.Equal("S13", entry["Hazards"]);
        Assert.StartsWith("refused: organisation contoso-learning forbids Elections", (string)entry["Reasons"]!, StringComparison.Ordinal);
        var resolution = (string)entry["Resolution"]!;
        Assert.Contains("Maturity=Teen (clamped by law of EU's AtMost(Maturity.Teen))", resolution, StringComparison.Ordinal);
        Assert.Contains("MemoryDays=0 (clamped by law of EU's Locked(0))", resolution, StringComparison.Ordinal);
        Assert.Contains("forbidden S4,S6,S9,S12,S13", resolution, StringComparison.Ordinal);
        Assert.False(entry.Has("Content"));
        Assert.DoesNotContain("Alice", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.State, p => p.Value is string s && s.Contains("Alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_DE_the_decision_log_names_the_jurisdiction_its_chain_and_each_levels_adjustment()
    {
        var logger = new CapturingLogger<PolicyDecisionLogger>();
        var log = new PolicyDecisionLogger(logger);
        var model = new ScriptedChatClient("unused");
        using var engine = Learners.Engine();
        var client = model.AsBuilder().UsePolicy(engine, KeywordClassifier.Default(), log: log).Build();

        await client.GetResponseAsync("Write something explicit.", new ChatOptions().WithPolicyRequest(Learners.AsksForEverything, Learners.DeMinor));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("DE", entry["Jurisdiction"]);
        Assert.Equal("EU", entry["JurisdictionWithin"]);
        Assert.Equal("law of EU", entry["Tier"]);
        Assert.Contains(" in DE (within EU): refused: law of EU forbids", entry.Message, StringComparison.Ordinal);
        var resolution = (string)entry["Resolution"]!;
        Assert.Contains("MemoryDays=0 (clamped by law of DE within EU's Locked(0))", resolution, StringComparison.Ordinal);
        Assert.Contains("Maturity=Teen (clamped by law of EU's AtMost(Maturity.Teen))", resolution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_IncludeContent_the_decision_log_carries_the_content()
    {
        var logger = new CapturingLogger<PolicyDecisionLogger>();
        var log = new PolicyDecisionLogger(logger, Options.Create(new PolicyDecisionLogOptions { IncludeContent = true }));
        var model = new ScriptedChatClient("Plants make sugar from light.");
        using var engine = Learners.Engine();
        var client = model.AsBuilder().UsePolicy(engine, KeywordClassifier.Default(), log: log).Build();

        await client.GetResponseAsync("How do plants eat?", new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsAdult));

        Assert.Equal(2, logger.Entries.Count);
        Assert.All(logger.Entries, e => Assert.Equal(4101, e.EventId.Id));
        Assert.Equal("How do plants eat?", logger.Entries[0]["Content"]);
        Assert.Equal("Plants make sugar from light.", logger.Entries[1]["Content"]);
        Assert.Equal(LogLevel.Information, logger.Entries[1].Level);
    }

    [Fact]
    public void Overlay_changes_and_rejections_are_logged()
    {
        var logger = new CapturingLogger<PolicyEngine<LearnerPreferences>>();
        using var engine = new PolicyEngine<LearnerPreferences>(logger: logger);
        engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "General"));
        engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "Mature"));

        Assert.Equal([4120, 4122], logger.Entries.Select(e => e.EventId.Id).ToArray());
        Assert.Equal(engine.Version, logger.Entries[1]["PolicyVersion"]);
        Assert.Contains("Maturity: AtMost(Maturity.Mature) would widen", (string)logger.Entries[1]["Errors"]!, StringComparison.Ordinal);
    }
}
