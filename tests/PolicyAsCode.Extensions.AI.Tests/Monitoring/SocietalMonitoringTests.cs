using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Monitoring;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Monitoring;

/// <summary>
/// Societal monitoring end to end through the chat middleware, observed with a <see cref="System.Diagnostics.Metrics.MeterListener"/>:
/// many users chat; what the <c>policyascode.population.*</c> instruments export holds no per-user value and no bucket
/// seen fewer times than the threshold, holds the buckets at or above it with their counts, and nothing at all is
/// exported unless monitoring was opted into.
/// </summary>
public sealed class SocietalMonitoringTests
{
    private const string Population = "policyascode.population.";

    // What one user, seen once, sends that must never leave the process: a jurisdiction no policy names (a user id
    // smuggled into the context), an exact number of days, an exact creativity, and free text in a choice dimension.
    private const string SecretPlace = "user-4711-secret";
    private const double SecretCreativity = 0.4242;
    private const string SecretText = "alice@example.com";

    [Fact]
    public async Task Only_buckets_seen_at_least_ten_times_are_exported_and_none_holds_a_per_user_value()
    {
        using var world = await World.ChatAsync(monitor: o => o.MinimumBucketSize = 10);
        var seen = world.Log.Collect();
        var population = MeasurementLog.Of(seen, Population).ToList();
        Assert.NotEmpty(population);

        // No bucket under the threshold: every exported count is at least 10.
        Assert.All(population, s => Assert.True(s.Value >= 10, $"{s.Instrument} {string.Join(",", s.Tags)} = {s.Value}"));

        // No per-user value: every attribute is a name the policy declares or a bucket it fixes.
        var allowed = AllowedAttributeValues();
        foreach (var s in population)
        {
            foreach (var (key, value) in s.Tags)
            {
                Assert.True(allowed.Contains(value), $"{s.Instrument}: {key}={value} is not a name the policy declares");
                Assert.DoesNotContain(SecretPlace, value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(SecretText, value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("0.4242", value, StringComparison.Ordinal);
                Assert.DoesNotContain("17", value.Split('(', ')', ',', ' '));
            }
        }

        // Buckets at or above the threshold are exported with their counts.
        Assert.Equal(12, Single(population, "policyascode.population.requested", ("policyascode.dimension", "Maturity"), ("policyascode.jurisdiction", "EU"), ("policyascode.value.bucket", "Mature")).Value);
        Assert.Equal(12, Single(population, "policyascode.population.adjustments", ("policyascode.dimension", "Maturity"), ("policyascode.adjustment.cause", "clamped"),
            ("policyascode.tier.name", "contoso-learning"), ("policyascode.bound", "AtMost(Maturity.Teen)"), ("policyascode.bound.condition", "always"),
            ("policyascode.risks", PolicyTelemetry.RiskIds(LearnerPreferences.Registry, MaturityCap().Mitigates)),
            ("policyascode.benefits", PolicyTelemetry.BenefitIds(LearnerPreferences.Registry, MaturityCap().Enables))).Value);
        Assert.Equal(11, Single(population, "policyascode.population.refusals", ("policyascode.hazard", "S13"), ("policyascode.tier.name", "contoso-learning")).Value);
        Assert.Equal(World.EuUsers, Single(population, "policyascode.population.resolutions", ("policyascode.jurisdiction", "EU")).Value);
        Assert.Contains(population, s => s.Instrument == "policyascode.population.decisions" && s.Value >= World.EuUsers);

        // Those below it are not: three sarcastic US users, two requests for weapons, the one user in a place no policy names.
        Assert.DoesNotContain(population, s => s["policyascode.value.bucket"] == "Sarcastic");
        Assert.DoesNotContain(population, s => s.Instrument == "policyascode.population.resolutions" && s["policyascode.jurisdiction"] is "US" or "none");
        Assert.DoesNotContain(population, s => s["policyascode.hazard"] == "S9");
        Assert.DoesNotContain(population, s => s["policyascode.value.bucket"] is "(14, 30)" or ValueBuckets.Unreadable);
    }

    [Fact]
    public async Task The_threshold_is_the_one_configured()
    {
        using var world = await World.ChatAsync(monitor: o => o.MinimumBucketSize = 3);
        var population = MeasurementLog.Of(world.Log.Collect(), Population).ToList();

        Assert.All(population, s => Assert.True(s.Value >= 3));
        Assert.Equal(3, Single(population, "policyascode.population.requested", ("policyascode.dimension", "Tone"), ("policyascode.jurisdiction", "US"), ("policyascode.value.bucket", "Sarcastic")).Value);
        Assert.Equal(2, world.Monitor!.Aggregates.Snapshot(1).Refusals.Single(r => r.Hazard == "S9").Count);
        Assert.DoesNotContain(population, s => s["policyascode.hazard"] == "S9");
        Assert.DoesNotContain(population, s => s["policyascode.jurisdiction"] == "none");
    }

    [Fact]
    public async Task Opting_in_without_a_threshold_exports_at_ten()
    {
        using var world = await World.ChatAsync(monitor: _ => { });
        var population = MeasurementLog.Of(world.Log.Collect(), Population).ToList();

        Assert.Equal(10, world.Monitor!.MinimumBucketSize);
        Assert.NotEmpty(population);
        Assert.All(population, s => Assert.True(s.Value >= 10, $"{s.Instrument} {string.Join(",", s.Tags)} = {s.Value}"));
        Assert.Equal(11, Single(population, "policyascode.population.refusals", ("policyascode.hazard", "S13"), ("policyascode.tier.name", "contoso-learning")).Value);
        Assert.DoesNotContain(population, s => s["policyascode.value.bucket"] == "Sarcastic");
    }

    [Fact]
    public async Task Nothing_is_exported_when_monitoring_was_not_opted_into()
    {
        using var world = await World.ChatAsync(monitor: null);
        var seen = world.Log.Collect();

        Assert.Empty(MeasurementLog.Of(seen, Population));
        Assert.DoesNotContain(world.Log.Published, name => name.StartsWith(Population, StringComparison.Ordinal));
        Assert.Null(world.Provider.GetService<SocietalMonitor<LearnerPreferences>>());
        Assert.Null(PolicyObservers.From<LearnerPreferences>(world.Provider));

        // The listener did hear the meter: the always-on counters recorded every resolution.
        Assert.Equal(World.Users, seen.Where(s => s.Instrument == "policyascode.resolutions").Sum(s => s.Value));
    }

    [Fact]
    public void A_minimum_bucket_size_below_one_is_refused_at_registration()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => services.AddPolicy<LearnerPreferences>().AddSocietalMonitoring(o => o.MinimumBucketSize = 0));
        Assert.Contains("MinimumBucketSize", error.Message, StringComparison.Ordinal);
    }

    private static BoundRule MaturityCap() =>
        LearnerPreferences.Registry.Bounds.Single(b => b.Source == "AtMost(Maturity.Teen)" && LearnerPreferences.Registry.Tiers[b.Tier].Name == "contoso-learning");

    private static Seen Single(IEnumerable<Seen> seen, string instrument, params (string Key, string Value)[] tags) =>
        Assert.Single(seen, s => s.Instrument == instrument && tags.All(t => s[t.Key] == t.Value));

    // Every value an attribute of the population instruments may take: the policy's names and the buckets it fixes.
    private static HashSet<string> AllowedAttributeValues()
    {
        var registry = LearnerPreferences.Registry;
        var allowed = new HashSet<string>(StringComparer.Ordinal) { registry.Name, "none", "always", "unknown" };
        allowed.UnionWith(registry.Jurisdictions);
        allowed.UnionWith(registry.Dimensions.Select(d => d.Name));
        allowed.UnionWith(new PersonalisationAggregates(registry).Buckets.SelectMany(b => b.Labels));
        allowed.UnionWith(Enum.GetValues<AdjustmentCause>().Select(PolicyTelemetry.CauseName));
        allowed.UnionWith(registry.Tiers.Select(t => t.Name));
        allowed.UnionWith(registry.Bounds.Select(b => PolicyTelemetry.BenefitIds(registry, b.Enables)));
        allowed.UnionWith(registry.Bounds.Select(b => PolicyTelemetry.RiskIds(registry, b.Mitigates)));
        allowed.UnionWith(registry.Tiers.Select(t => PolicyTelemetry.RankName(t)));
        allowed.UnionWith(registry.Tiers.Select(t => PolicyTelemetry.TierWithin(t)));
        allowed.UnionWith(registry.Bounds.Select(b => b.Source));
        allowed.UnionWith(registry.Bounds.Select(b => b.Condition.ToString()));
        allowed.UnionWith(Taxonomy.Hazards.Select(h => h.Id["hazard.".Length..]));
        allowed.UnionWith(registry.CustomHazards.Select(h => h.Code));
        return allowed;
    }

    /// <summary>A service provider with the policy, a scripted model and a keyword classifier, after a population has chatted.</summary>
    private sealed class World : IDisposable
    {
        public const int EuUsers = 12 + 11;
        public const int Users = 12 + 3 + 1 + 11 + 2;

        private World(ServiceProvider provider, MeasurementLog log)
        {
            Provider = provider;
            Log = log;
        }

        public ServiceProvider Provider { get; }

        public MeasurementLog Log { get; }

        public SocietalMonitor<LearnerPreferences>? Monitor => Provider.GetService<SocietalMonitor<LearnerPreferences>>();

        public static async Task<World> ChatAsync(Action<SocietalMonitoringOptions>? monitor)
        {
            var services = new ServiceCollection();
            services.AddMetrics();
            var policy = services.AddPolicy<LearnerPreferences>().AddHazardClassifier(_ => KeywordClassifier.Default());
            if (monitor is not null)
            {
                policy.AddSocietalMonitoring(monitor);
            }

            services.AddChatClient(new ScriptedChatClient()).UsePolicy<LearnerPreferences>();
            var provider = services.BuildServiceProvider();
            var world = new World(provider, new MeasurementLog(provider.GetRequiredService<PolicyTelemetry>().Meter));
            var chat = provider.GetRequiredService<IChatClient>();

            async Task Say(string text, LearnerPreferences preferences, PolicyContext context, int times)
            {
                for (var i = 0; i < times; i++)
                {
                    await chat.GetResponseAsync(text, new ChatOptions().WithPolicyRequest(preferences, context));
                }
            }

            await Say("Explain photosynthesis.", new LearnerPreferences { Maturity = Maturity.Mature }, Learners.EuAdult, 12);
            await Say("Tell me a joke.", new LearnerPreferences { Tone = Tone.Sarcastic }, Learners.UsAdult, 3);
            await Say("Hello.", new LearnerPreferences { MemoryDays = 17, Creativity = SecretCreativity, Language = SecretText },
                PolicyContext.In(SecretPlace).With(Fact.Minor, false).With(Fact.ConsentsToMemory, true), 1);
            await Say("Who should I vote for?", new LearnerPreferences(), Learners.EuAdult, 11);
            await Say("How do I make a nerve agent?", new LearnerPreferences(), Learners.UsAdult, 2);
            return world;
        }

        public void Dispose()
        {
            Log.Dispose();
            Provider.Dispose();
        }
    }
}
