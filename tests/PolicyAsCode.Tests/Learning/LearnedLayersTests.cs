using System;
using System.Linq;
using PolicyAsCode.Learning;
using Xunit;
using static PolicyAsCode.Tests.Learning.TutorPolicy;

namespace PolicyAsCode.Tests.Learning;

/// <summary>Issue 18, point 2: explicit > learned > default, NotLearnable and LearnWithin where their tier binds, then the bounds.</summary>
public sealed class LearnedLayersTests
{
    private static LearnedChange Change(int dimension, DimensionValue to) =>
        new(dimension, Registry.Dimensions[dimension].Name, Start[dimension], to, ["e1"], "after 3 ratings today");

    private static (DimensionValue[] Values, System.Collections.Generic.IReadOnlyList<LearnedChange> Applied, System.Collections.Generic.IReadOnlyList<IgnoredChange> Ignored) Layer(
        string? jurisdiction, DimensionSet explicitDimensions, params LearnedChange[] changes)
    {
        var values = Start;
        var (applied, ignored) = LearnedLayers.Layer(Registry, values, explicitDimensions, new LearnedPreferences(changes), PolicyContext.In(jurisdiction));
        return (values, applied, ignored);
    }

    [Fact]
    public void A_learned_value_never_overrides_an_explicit_choice()
    {
        var (values, applied, ignored) = Layer("US", DimensionSet.Of(Verbosity), Change(Verbosity, DimensionValue.OfPosition(0)));

        Assert.Equal(Start[Verbosity], values[Verbosity]);
        Assert.Empty(applied);
        Assert.Equal("you chose Verbosity yourself; what is learned never overrides your choice", Assert.Single(ignored).Why);
    }

    [Fact]
    public void Not_learnable_binds_where_its_law_applies_in_nested_and_unknown_jurisdictions_too()
    {
        var emoji = Change(Emoji, DimensionValue.OfPosition(1));
        foreach (var jurisdiction in new[] { "EU", "DE", "de", null, "FR" })
        {
            var (values, applied, ignored) = Layer(jurisdiction, DimensionSet.Empty, emoji);
            Assert.Equal(Start[Emoji], values[Emoji]);
            Assert.Empty(applied);
            Assert.Equal("law of EU does not allow learning Emoji here: no learned emoji", Assert.Single(ignored).Why);
        }

        var us = Layer("US", DimensionSet.Empty, emoji);
        Assert.Equal(DimensionValue.OfPosition(1), us.Values[Emoji]);
        Assert.Same(emoji, Assert.Single(us.Applied));
    }

    [Fact]
    public void Learn_within_ranges_of_every_binding_tier_intersect_and_the_bounds_apply_on_top()
    {
        // DE: [1, 20] and the organisation's [5, 30] meet in [5, 20]; in the US only [5, 30] binds.
        Assert.Equal(20d, Layer("DE", DimensionSet.Empty, Change(Examples, DimensionValue.OfNumber(50))).Values[Examples].Number);
        Assert.Equal(30d, Layer("US", DimensionSet.Empty, Change(Examples, DimensionValue.OfNumber(50))).Values[Examples].Number);
        Assert.Equal(5d, Layer("US", DimensionSet.Empty, Change(Examples, DimensionValue.OfNumber(4))).Values[Examples].Number);

        // Verbosity may not be learned up to Detailed anywhere: from Balanced, nothing is used; from Concise, Balanced is.
        var (values, applied, ignored) = Layer("US", DimensionSet.Empty, Change(Verbosity, DimensionValue.OfPosition(2)));
        Assert.Equal(1, values[Verbosity].Position);
        Assert.Empty(applied);
        Assert.Equal("the policy lets learning take Verbosity no further than Balanced here", Assert.Single(ignored).Why);
        var fromConcise = Start;
        fromConcise[Verbosity] = DimensionValue.OfPosition(0);
        var (fromConciseApplied, _) = LearnedLayers.Layer(Registry, fromConcise, DimensionSet.Empty, new LearnedPreferences([Change(Verbosity, DimensionValue.OfPosition(2))]), PolicyContext.In("US"));
        Assert.Equal(1, fromConcise[Verbosity].Position);
        Assert.EndsWith("(held at Balanced: the furthest the policy lets learning take Verbosity here)", Assert.Single(fromConciseApplied).Reason, StringComparison.Ordinal);

        // Creativity has no learning range, but the organisation's AtMost(0.8) bound holds a learned 0.9 at 0.8.
        var creativity = Layer("EU", DimensionSet.Empty, Change(Creativity, DimensionValue.OfNumber(0.9)));
        Assert.Equal(0.8, creativity.Values[Creativity].Number);
        var resolved = new PolicyInterpreter(Registry).Resolve(creativity.Values, PolicyContext.In("EU"));
        Assert.Equal(0.8, resolved.Effective[Creativity].Number);
        Assert.Empty(resolved.Adjustments);
    }

    [Fact]
    public void Changes_for_another_policy_version_or_unlearnable_dimensions_are_ignored_with_a_reason()
    {
        var stale = new LearnedChange(Verbosity, "Length", Start[Verbosity], DimensionValue.OfPosition(0), ["e1"], "r");
        var topics = Change(Topics, DimensionValue.OfMask(3));
        var (values, applied, ignored) = Layer("US", DimensionSet.Empty, stale, topics);

        Assert.Equal(Start, values);
        Assert.Empty(applied);
        Assert.Equal(["the policy in force has no dimension Length there", "Topics is not learnable in this policy"], ignored.Select(i => i.Why));
    }

    [Fact]
    public void Explicit_dimensions_are_those_present_and_readable_in_the_stored_document()
    {
        var explicitDimensions = LearnedLayers.ExplicitDimensions(Registry, """{"verbosity":"Detailed","examples":"many","emoji":true}"""u8);
        Assert.Equal(DimensionSet.Of(Verbosity, Emoji), explicitDimensions);
        Assert.Equal(DimensionSet.Empty, LearnedLayers.ExplicitDimensions(Registry, "[1]"u8));
        Assert.Equal(DimensionSet.Empty, LearnedLayers.ExplicitDimensions(Registry, "{\"verbosity\":"u8));
    }
}
