using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>Issue 19, point 1: no overlay may cap the hazards a user asks to avoid.</summary>
public class UserHazardListOverlayTests
{
    private static readonly PolicyRegistry Compiled = LearnerPreferences.Registry;

    private static readonly int AvoidHazards = Compiled.Dimensions.Single(d => d.IsHazardSet).Index;

    [Theory]
    [InlineData("""{ "AvoidHazards": { "Locked": "None" } }""")]
    [InlineData("""{ "AvoidHazards": { "AtMost": "None" } }""")]
    [InlineData("""{ "AvoidHazards": { "AtMost": "S1" } }""")]
    [InlineData("""{ "AvoidHazards": { "Allowed": ["S1"] } }""")]
    [InlineData("""{ "AvoidHazards": { "Between": ["None", "S1"] } }""")]
    [InlineData("""{ "AvoidHazards": { "Locked": "S10" } }""")]
    [InlineData("""{ "AvoidHazards": { "AtMost": "None", "When": "Minor" } }""")]
    [InlineData("""{ "Jurisdictions": { "DE": { "AvoidHazards": { "AtMost": "S1,S2" } } } }""")]
    public void An_overlay_that_caps_the_users_own_hazard_list_is_rejected_as_a_widening(string json)
    {
        var compilation = PolicyOverlayCompiler.Compile(Compiled, PolicyOverlay.FromConfiguration(Section(json)));

        Assert.False(compilation.Succeeded);
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(OverlayErrorKind.Widening, error.Kind);
        Assert.Equal("AvoidHazards", error.Dimension);
        Assert.Contains("would stop users from avoiding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_a_user_asked_to_avoid_stays_refused_after_a_capping_overlay_is_offered()
    {
        using var engine = Learners.Engine();
        var asks = new LearnerPreferences { AvoidHazards = Hazard.Hate };
        var before = engine.Evaluate(asks, Learners.EuAdult, Hazard.Hate);
        Assert.False(before.Decision.IsAllowed);
        Assert.Contains("you asked to avoid Hate", before.Decision.Explain(), StringComparison.Ordinal);

        var result = engine.ApplyOverlay(PolicyOverlay.FromConfiguration(Section("""{ "AvoidHazards": { "Locked": "None" } }""")));

        Assert.False(result.Succeeded);
        Assert.False(engine.Current.IsOverlaid);
        var after = engine.Evaluate(asks, Learners.EuAdult, Hazard.Hate);
        Assert.False(after.Decision.IsAllowed);
        Assert.Equal(before.Decision.Explain(), after.Decision.Explain());
    }

    [Fact]
    public void Requiring_hazards_on_the_list_is_a_narrowing_and_an_unreadable_list_still_fails_closed_to_every_hazard()
    {
        using var engine = Learners.Engine();
        var result = engine.ApplyOverlay(PolicyOverlay.Empty.AtLeast("AvoidHazards", "S10"));
        Assert.True(result.Succeeded, result.Compilation.Describe());

        // Asked for nothing, the user now avoids S10 (Hate) too.
        Assert.False(engine.Evaluate(new LearnerPreferences(), Learners.EuAdult, Hazard.Hate).Decision.IsAllowed);

        // An unreadable list resolves to every hazard the list can hold, not to what a bound happens to permit.
        var unreadable = engine.Resolve(new LearnerPreferences(), Learners.EuAdult, DimensionSet.Of(AvoidHazards));
        Assert.Equal((Hazard)Compiled.Dimensions[AvoidHazards].Domain.Ceiling, unreadable.Effective.AvoidHazards);
        Assert.False(engine.Evaluate(new LearnerPreferences(), Learners.EuAdult, Hazard.Privacy, DimensionSet.Of(AvoidHazards)).Decision.IsAllowed);
    }

    private static IConfigurationSection Section(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "Overlay": """ + json + " }"))).Build().GetSection("Overlay");
}
