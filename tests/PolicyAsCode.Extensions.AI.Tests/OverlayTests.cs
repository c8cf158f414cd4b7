using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

public class OverlayTests
{
    private static readonly PolicyRegistry Compiled = LearnerPreferences.Registry;

    [Fact]
    public void A_widening_overlay_is_rejected_naming_dimension_and_bound_and_the_previous_policy_stays_in_force()
    {
        using var engine = Learners.Engine();
        var narrowed = engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("MemoryDays", 7));
        Assert.True(narrowed.Succeeded);
        var before = engine.Current;

        var result = engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "Mature"));

        Assert.False(result.Succeeded);
        Assert.False(result.Changed);
        var error = Assert.Single(result.Compilation.Errors);
        Assert.Equal(OverlayErrorKind.Widening, error.Kind);
        Assert.Equal("Maturity", error.Dimension);
        Assert.Equal("AtMost(Maturity.Mature)", error.Bound);
        Assert.Contains("Maturity: AtMost(Maturity.Mature) would widen", error.Message, StringComparison.Ordinal);
        Assert.Contains("which allows {General, Teen}", error.Message, StringComparison.Ordinal);
        Assert.Same(before, engine.Current);
        Assert.Equal(before.Version, result.VersionInForce);

        // The previous overlay still decides: memory stays at 7 days.
        var resolution = engine.Resolve(new LearnerPreferences { MemoryDays = 14, Maturity = Maturity.Mature }, Learners.EuAdult);
        Assert.Equal(7, resolution.Effective.MemoryDays);
        Assert.Equal(Maturity.Teen, resolution.Effective.Maturity);
    }

    [Theory]
    [InlineData("MemoryDays", "Between", "0,30", "MemoryDays: Between(0, 30) would widen")]
    [InlineData("Topics", "AtMost", "Science,Politics", "Topics: AtMost(Topics.Science | Topics.Politics) would widen")]
    [InlineData("DiscloseAi", "Locked", "false", "DiscloseAi: Locked(false) would widen the compiled policy in EU")]
    [InlineData("Creativity", "AtMost", "0.9", "Creativity: AtMost(0.9) would widen")]
    [InlineData("Language", "Allowed", "en,nl", "Language: Allowed(\"en\", \"nl\") would widen")]
    [InlineData("Maturity", "Locked", "Mature", "Maturity: Locked(Maturity.Mature) would widen")]
    public void Every_kind_of_widening_is_rejected(string dimension, string form, string values, string expected)
    {
        var overlay = PolicyOverlay.Empty.With(new OverlayBound(dimension, Enum.Parse<BoundForm>(form), [.. values.Split(',')]));
        var compilation = PolicyOverlayCompiler.Compile(Compiled, overlay);
        Assert.False(compilation.Succeeded);
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(OverlayErrorKind.Widening, error.Kind);
        Assert.Equal(dimension, error.Dimension);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mood", "AtMost", "Happy", "Mood: not a dimension of this policy")]
    [InlineData("Maturity", "AtMost", "Adult", "Maturity: 'Adult' is not one of General, Teen, Mature")]
    [InlineData("MemoryDays", "Allowed", "1,2", "MemoryDays: Allowed cannot be written on a Integer dimension")]
    [InlineData("MemoryDays", "Between", "7,1", "MemoryDays: Between(7, 1) allows no value")]
    [InlineData("MemoryDays", "AtMost", "seven", "MemoryDays: 'seven' is not an integer")]
    [InlineData("Creativity", "AtMost", "NaN", "Creativity: 'NaN' is not a finite number")]
    [InlineData("Maturity", "Between", "General", "Maturity: Between takes 2 value(s), found 1")]
    public void Invalid_overlays_are_rejected_with_the_dimension_named(string dimension, string form, string values, string expected)
    {
        var overlay = PolicyOverlay.Empty.With(new OverlayBound(dimension, Enum.Parse<BoundForm>(form), [.. values.Split(',')]));
        var compilation = PolicyOverlayCompiler.Compile(Compiled, overlay);
        Assert.False(compilation.Succeeded);
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(OverlayErrorKind.Invalid, error.Kind);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Maturity", "AtLeast", "Teen")]
    [InlineData("Maturity", "AtMost", "General")]
    [InlineData("MemoryDays", "AtMost", "7")]
    [InlineData("MemoryDays", "AtLeast", "1")]
    [InlineData("Creativity", "Between", "0.1,0.5")]
    [InlineData("Topics", "AtMost", "Science")]
    [InlineData("Topics", "AtLeast", "Science")]
    [InlineData("Language", "Allowed", "en,de")]
    [InlineData("DiscloseAi", "Locked", "true")]
    [InlineData("AvoidHazards", "AtLeast", "S10,S11")]
    public void Narrowing_bounds_of_every_form_are_accepted(string dimension, string form, string values)
    {
        var overlay = PolicyOverlay.Empty.With(new OverlayBound(dimension, Enum.Parse<BoundForm>(form), [.. values.Split(',')]));
        var compilation = PolicyOverlayCompiler.Compile(Compiled, overlay);
        Assert.True(compilation.Succeeded, compilation.Describe());
    }

    [Fact]
    public void A_bound_that_leaves_nothing_the_compiled_policy_allows_is_rejected()
    {
        var compilation = PolicyOverlayCompiler.Compile(Compiled, PolicyOverlay.Empty.AtMost("MemoryDays", -5));
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(OverlayErrorKind.Invalid, error.Kind);
        Assert.StartsWith("MemoryDays: AtMost(-5) leaves no value the compiled policy in EU allows (0 to 14)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_hazards_organisations_and_keys_are_rejected()
    {
        var unknownHazard = PolicyOverlayCompiler.Compile(Compiled, PolicyOverlay.Empty.Forbid(["S15"]));
        Assert.Contains("ForbidHazards: 'S15' is not a hazard", Assert.Single(unknownHazard.Errors).Message, StringComparison.Ordinal);

        var unknownOrganisation = PolicyOverlayCompiler.Compile(Compiled, PolicyOverlay.Empty.AtMost("MemoryDays", 7).ForOrganisation("fabrikam"));
        Assert.Contains("'fabrikam' is not an organisation tier of this policy (it has contoso-learning)", Assert.Single(unknownOrganisation.Errors).Message, StringComparison.Ordinal);

        var config = Config("""{ "Overlay": { "Maturity": { "AtMots": "General" }, "Tone": "Neutral" } }""").GetSection("Overlay");
        var typo = PolicyOverlay.FromConfiguration(config);
        var errors = PolicyOverlayCompiler.Compile(Compiled, typo).Errors.Select(e => e.Message).ToList();
        Assert.Contains(errors, e => e.StartsWith("Maturity: unknown key 'AtMots'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Tone: expected an object", StringComparison.Ordinal));
    }

    [Fact]
    public void A_narrowing_overlay_is_applied_and_explained_as_the_organisations_bound()
    {
        using var engine = Learners.Engine();
        var overlay = PolicyOverlay.Empty
            .AtMost("Maturity", Maturity.General, "pilot with younger learners")
            .Between("MemoryDays", 0, 7)
            .Locked("DiscloseAi", true)
            .Forbid(Hazard.SuicideAndSelfHarm, "self-harm topics go to a counsellor");

        var result = engine.ApplyOverlay(overlay);

        Assert.True(result.Succeeded, result.Compilation.Describe());
        Assert.True(result.Changed);
        Assert.True(engine.Current.IsOverlaid);
        Assert.StartsWith(engine.CompiledVersion + "+overlay.", engine.Version, StringComparison.Ordinal);

        var resolution = engine.Resolve(Learners.AsksForEverything with { Maturity = Maturity.Teen, DiscloseAi = false }, Learners.EuAdultRolePlay);
        Assert.Equal(Maturity.General, resolution.Effective.Maturity);
        Assert.Equal(7, resolution.Effective.MemoryDays);
        Assert.True(resolution.Effective.DiscloseAi); // the organisation's own lock is not waivable by the user

        var maturity = resolution.Adjustments.Single(a => a.Dimension.Name == "Maturity");
        Assert.Equal("organisation contoso-learning", maturity.Tier!.ToString());
        Assert.Equal("AtMost(Maturity.General)", maturity.Rule!.Source);
        Assert.Equal("pilot with younger learners", maturity.Rule.Reason);

        var decision = engine.Current.Decide(resolution, Hazard.SuicideAndSelfHarm);
        Assert.False(decision.IsAllowed);
        Assert.Equal("contoso-learning", decision.Tier!.Name);
        Assert.Equal("self-harm topics go to a counsellor", decision.Rule!.Reason);

        // Returning to the empty overlay restores the compiled policy and its fast path.
        var back = engine.ApplyOverlay(PolicyOverlay.Empty);
        Assert.True(back.Changed);
        Assert.False(engine.Current.IsOverlaid);
        Assert.Equal(engine.CompiledVersion, engine.Version);
        Assert.True(engine.Current.Decide(engine.Resolve(new LearnerPreferences(), Learners.EuAdult), Hazard.SuicideAndSelfHarm).IsAllowed);
    }

    [Fact]
    public void The_overlaid_registry_keeps_canonical_order_and_renumbers_every_rule()
    {
        var overlay = PolicyOverlay.Empty.AtMost("Maturity", "General").Between("MemoryDays", 0, 7).Forbid(["S11", "Hate"]);
        var registry = PolicyOverlayCompiler.Compile(Compiled, overlay).Registry!;

        Assert.Equal(Compiled.Bounds.Length + 2, registry.Bounds.Length);
        Assert.Equal(Compiled.Forbids.Length + 1, registry.Forbids.Length);
        for (var i = 0; i < registry.Bounds.Length; i++)
        {
            Assert.Equal(i, registry.Bounds[i].Index);
            Assert.True(i == 0 || registry.Bounds[i - 1].Tier <= registry.Bounds[i].Tier);
        }

        for (var i = 0; i < registry.Forbids.Length; i++)
        {
            Assert.Equal(i, registry.Forbids[i].Index);
        }

        Assert.NotNull(registry.Forbids[^1].Dimension); // the user's own list stays last
        var added = registry.Forbids[^2];
        Assert.Equal(Hazard.SuicideAndSelfHarm | Hazard.Hate, added.Hazards);
        Assert.Equal(TierRank.Organisation, registry.Tiers[added.Tier].Rank);

        // The organisation's added bounds follow its compiled ones and precede the user tier's.
        var organisation = registry.Tiers.Single(t => t.Rank == TierRank.Organisation).Index;
        var organisationBounds = registry.Bounds.Where(b => b.Tier == organisation).ToList();
        Assert.Equal(["AtMost(Maturity.General)", "Between(0, 7)"], organisationBounds.TakeLast(2).Select(b => b.Source));
    }

    [Fact]
    public void Evaluation_with_an_overlay_is_the_interpreters_over_the_overlaid_registry()
    {
        using var engine = Learners.Engine();
        var overlay = PolicyOverlay.Empty.AtMost("Maturity", "General").Between("MemoryDays", 0, 7).Allowed("Language", "en", "fr").Forbid(["S11"]);
        Assert.True(engine.ApplyOverlay(overlay).Succeeded);
        var snapshot = engine.Current;
        var interpreter = new PolicyInterpreter(snapshot.Registry);

        var contexts = new[] { Learners.EuMinor, Learners.EuAdult, Learners.EuAdultRolePlay, Learners.UsAdult, PolicyContext.In(null), PolicyContext.In("BR") };
        var requests = new[]
        {
            new LearnerPreferences(),
            Learners.AsksForEverything,
            Learners.AsksForEverything with { DiscloseAi = false, Language = "de", AvoidHazards = Hazard.Hate },
            new LearnerPreferences { Language = "klingon", Creativity = double.NaN, Maturity = (Maturity)42 },
        };
        foreach (var context in contexts)
        {
            foreach (var request in requests)
            {
                var mine = snapshot.Resolve(request, context);
                var reference = interpreter.Resolve(LearnerPreferences.Encode(request), context);
                Assert.Equal(reference.Effective, LearnerPreferences.Encode(mine.Effective));
                Assert.Equal(reference.Forbidden, mine.Forbidden);
                Assert.Equal(reference.ActiveForbids, mine.ActiveForbids);
                Assert.Equal(reference.Adjustments, mine.Adjustments);
                foreach (var hazard in new[] { Hazard.None, Hazard.SuicideAndSelfHarm, Hazard.Elections, Hazard.Hate, Hazard.SexualContent, Hazard.Custom5 })
                {
                    var expected = interpreter.Decide(reference, hazard);
                    var actual = snapshot.Decide(mine, hazard);
                    Assert.Equal(expected.Verdict, actual.Verdict);
                    Assert.Equal(expected.Cause, actual.Cause);
                    Assert.Equal(expected.Rule, actual.Rule);
                }
            }
        }

        // Without an overlay the snapshot is the generated evaluator itself.
        var compiled = engine.Compiled.Resolve(Learners.AsksForEverything, Learners.EuMinor);
        var generated = LearnerPreferences.Resolve(Learners.AsksForEverything, Learners.EuMinor);
        Assert.Equal(generated.Effective, compiled.Effective);
        Assert.Equal(generated.Adjustments, compiled.Adjustments);
    }

    [Fact]
    public void Overlays_are_read_from_json_environment_variables_and_any_provider()
    {
        var json = Config("""
            {
              "Policy": {
                "Overlay": {
                  "Maturity": { "AtMost": "General", "Reason": "pilot" },
                  "MemoryDays": { "Between": [0, 7] },
                  "Tone": { "Allowed": ["Neutral", "Friendly"], "When": "Minor" },
                  "Topics": { "AtMost": ["Science", "History"] },
                  "ForbidHazards": ["S11"]
                }
              }
            }
            """).GetSection("Policy:Overlay");
        var fromJson = PolicyOverlay.FromConfiguration(json);
        Assert.Empty(fromJson.Problems);
        var compilation = PolicyOverlayCompiler.Compile(Compiled, fromJson);
        Assert.True(compilation.Succeeded, compilation.Describe());
        var sources = compilation.Registry!.Bounds.Where(b => b.Reason is "pilot" or PolicyOverlayCompiler.DefaultReason).Select(b => (b.Source, b.Condition.When)).ToList();
        Assert.Equal(4, sources.Count);
        Assert.Contains(("AtMost(Maturity.General)", Fact.None), sources);
        Assert.Contains(("Between(0, 7)", Fact.None), sources);
        Assert.Contains(("Allowed(Tone.Neutral, Tone.Friendly)", Fact.Minor), sources);
        Assert.Contains(("AtMost(Topics.Science | Topics.History)", Fact.None), sources);

        var prefix = "PAC_TEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
        Environment.SetEnvironmentVariable(prefix + "Policy__Overlay__Maturity__AtMost", "General");
        Environment.SetEnvironmentVariable(prefix + "Policy__Overlay__ForbidHazards", "S11,S10");
        try
        {
            var environment = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build().GetSection("Policy:Overlay");
            var fromEnvironment = PolicyOverlay.FromConfiguration(environment);
            Assert.Equal(new[] { new OverlayBound("Maturity", BoundForm.AtMost, ["General"]) }, fromEnvironment.Bounds.ToArray());
            Assert.Equal(new[] { "S11", "S10" }, fromEnvironment.ForbidHazards.ToArray());
            Assert.True(PolicyOverlayCompiler.Compile(Compiled, fromEnvironment).Succeeded);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "Policy__Overlay__Maturity__AtMost", null);
            Environment.SetEnvironmentVariable(prefix + "Policy__Overlay__ForbidHazards", null);
        }

        var memory = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["O:MemoryDays:Locked"] = "0" }).Build().GetSection("O");
        Assert.True(PolicyOverlayCompiler.Compile(Compiled, PolicyOverlay.FromConfiguration(memory)).Succeeded);
        Assert.Same(PolicyOverlay.Empty, PolicyOverlay.FromConfiguration(new ConfigurationBuilder().Build().GetSection("Missing")));
    }

    [Fact]
    public void Configuration_reloads_swap_valid_overlays_in_and_reject_widening_ones()
    {
        var path = Path.Combine(Path.GetTempPath(), "policy-overlay-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{ "Policy": { "Overlay": { } } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
            var services = new ServiceCollection();
            services.AddPolicy<LearnerPreferences>().BindOverlay(configuration.GetSection("Policy:Overlay"));
            using var provider = services.BuildServiceProvider();
            var engine = provider.GetRequiredService<PolicyEngine<LearnerPreferences>>();
            Assert.False(engine.Current.IsOverlaid);
            var rejections = new List<OverlayRejectedEventArgs>();
            engine.OverlayRejected += (_, e) => rejections.Add(e);

            File.WriteAllText(path, """{ "Policy": { "Overlay": { "Maturity": { "AtMost": "General" } } } }""");
            configuration.Reload();
            Assert.True(engine.Current.IsOverlaid);
            var narrowed = engine.Current;
            Assert.Equal(Maturity.General, engine.Resolve(new LearnerPreferences { Maturity = Maturity.Teen }, Learners.EuAdult).Effective.Maturity);

            File.WriteAllText(path, """{ "Policy": { "Overlay": { "Maturity": { "AtMost": "Mature" } } } }""");
            configuration.Reload();
            Assert.Same(narrowed, engine.Current);
            var rejected = Assert.Single(rejections);
            Assert.Equal(narrowed.Version, rejected.VersionInForce);
            Assert.Contains("Maturity: AtMost(Maturity.Mature) would widen", rejected.Compilation.Describe(), StringComparison.Ordinal);

            // Removal is explicit (issue 19): an empty section keeps the overlay in force, "none" removes it.
            File.WriteAllText(path, """{ "Policy": { "Overlay": { } } }""");
            configuration.Reload();
            Assert.Same(narrowed, engine.Current);
            File.WriteAllText(path, """{ "Policy": { "Overlay": "none" } }""");
            configuration.Reload();
            Assert.False(engine.Current.IsOverlaid);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reapplying_the_same_overlay_changes_nothing_and_versions_are_deterministic()
    {
        using var first = Learners.Engine();
        using var second = Learners.Engine();
        var overlay = PolicyOverlay.Empty.AtMost("Maturity", "General");
        Assert.True(first.ApplyOverlay(overlay).Changed);
        var snapshot = first.Current;
        var again = first.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "General"));
        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Same(snapshot, first.Current);

        second.ApplyOverlay(overlay);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(PolicyFingerprint.Of(LearnerPreferences.Registry), first.CompiledVersion);
        Assert.Matches("^[0-9a-f]{12}\\+overlay\\.[0-9a-f]{12}$", first.Version);
    }

    [Fact]
    public void The_registry_builder_checks_its_arguments()
    {
        var builder = new PolicyRegistryBuilder(Compiled);
        Assert.Same(Compiled, builder.Build());
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddBound(99, 0, BoundForm.AtMost, Compiled.Dimensions[0].Domain, Condition.Always, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddBound(0, 99, BoundForm.AtMost, Compiled.Dimensions[0].Domain, Condition.Always, "x"));
        Assert.Throws<ArgumentException>(() => builder.AddBound(0, 0, BoundForm.AtMost, Lattice.IntegerDomain, Condition.Always, "x"));
        Assert.Throws<ArgumentException>(() => builder.AddForbid(0, Hazard.None, Condition.Always));
    }

    private static IConfigurationRoot Config(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
