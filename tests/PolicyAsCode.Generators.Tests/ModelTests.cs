using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>What <c>PolicyReader.Read</c> makes of the QuickStart policy: the model both the generator and the analysers use.</summary>
public sealed class ModelTests
{
    private static readonly Lazy<CSharpCompilation> QuickStartCompilation = new(() => GeneratorHarness.Compile(QuickStart.Sources()));

    private static readonly Lazy<PolicyModel> QuickStartModel = new(() => GeneratorHarness.Read(QuickStartCompilation.Value, QuickStart.UserTier));

    private static PolicyModel Model => QuickStartModel.Value;

    private const uint Minor = 1;
    private const uint ConsentsToMemory = 2;
    private const uint RolePlay = 8;

    [Fact]
    public void QuickStart_reads_without_problems()
    {
        Assert.Empty(Model.Problems);
        Assert.True(Model.CanEmit);
        Assert.Equal("QuickStart.Policies", Model.UserTier.Namespace);
        Assert.Equal("LearnerPreferences", Model.UserTier.Name);
        Assert.Equal(QuickStart.UserTier, Model.UserTier.FullName);
        Assert.Empty(Model.UserTier.ContainingTypes);
        Assert.Equal("global::QuickStart.Policies.LearnerPreferences", Model.UserTier.Qualified);
    }

    [Fact]
    public void Tiers_are_ordered_highest_rank_first()
    {
        // Laws first, each law before the laws within it (EU and US before DE and US-CA), then the organisation and the user.
        Assert.Equal(["EU", "US", "DE", "US-CA", "contoso-learning", "LearnerPreferences"], Model.Tiers.Select(t => t.Name));
        Assert.Equal([1, 1, 1, 1, 2, 3], Model.Tiers.Select(t => t.Rank));
        Assert.Equal([0, 1, 2, 3, 4, 5], Model.Tiers.Select(t => t.Index));
        Assert.Equal(
            [
                "QuickStart.Policies.EuLaw", "QuickStart.Policies.UsLaw", "QuickStart.Policies.DeLaw", "QuickStart.Policies.UsCaLaw",
                "QuickStart.Policies.ContosoLearning", "QuickStart.Policies.LearnerPreferences",
            ],
            Model.Tiers.Select(t => t.TypeName));
        Assert.Empty(Model.Tiers[0].Within);
        Assert.Empty(Model.Tiers[1].Within);
        Assert.Equal([0], Model.Tiers[2].Within);
        Assert.Equal([1], Model.Tiers[3].Within);
        Assert.Equal([0, 2, 1, 3], Model.Tiers[4].Within);
        Assert.Equal([4], Model.Tiers[5].Within);
        Assert.Equal(["EU", "US", "DE", "US-CA"], Model.Jurisdictions);
        Assert.All(Model.Tiers, t => Assert.NotNull(t.Location));
    }

    [Fact]
    public void Dimensions_have_the_right_kinds()
    {
        Assert.Equal(
            [
                ("Maturity", DimensionKind.Ordinal),
                ("Tone", DimensionKind.Ordinal),
                ("Verbosity", DimensionKind.Ordinal),
                ("DiscloseAi", DimensionKind.Boolean),
                ("MemoryDays", DimensionKind.Integer),
                ("Creativity", DimensionKind.Real),
                ("Topics", DimensionKind.Set),
                ("Language", DimensionKind.Choice),
                ("AvoidHazards", DimensionKind.Set),
            ],
            Model.Dimensions.Select(d => (d.Name, d.Kind)));
        Assert.Equal(Enumerable.Range(0, 9), Model.Dimensions.Select(d => d.Index));

        var maturity = Model.Dimensions[0];
        Assert.Equal(["General", "Teen", "Mature"], maturity.Members.Select(m => m.Name));
        Assert.Equal("global::QuickStart.Policies.Maturity", maturity.TypeSyntax);
        Assert.False(maturity.HigherIsStricter);
        Assert.True(maturity.HasInitialiser);
        Assert.Equal(DimensionValue.OfPosition(0), maturity.Default);
        Assert.Equal(3, maturity.UndefinedValue);
        Assert.Equal("How mature the content may be", maturity.Description);

        var disclose = Model.Dimensions[3];
        Assert.True(disclose.HigherIsStricter);
        Assert.Equal(DimensionValue.OfPosition(1), disclose.Default);
        Assert.Equal("bool", disclose.TypeSyntax);

        var creativity = Model.Dimensions[5];
        Assert.Equal(DimensionValue.OfNumber(0.5), creativity.Default);

        var topics = Model.Dimensions[6];
        Assert.Equal(0x3FUL, topics.Domain.Ceiling);
        Assert.Equal(DimensionValue.OfMask(1), topics.Default);
        Assert.False(topics.IsHazardSet);

        var language = Model.Dimensions[7];
        Assert.Equal(["en", "fr", "de", "es", "nl"], language.Members.Select(m => m.Name));
        Assert.Equal(DimensionValue.OfPosition(0), language.Default);

        var hazards = Model.Dimensions[8];
        Assert.True(hazards.IsHazardSet);
        Assert.True(hazards.HigherIsStricter);
        Assert.False(hazards.HasInitialiser);
    }

    [Fact]
    public void Taxonomy_links_are_read_as_numbers()
    {
        var verbosity = Model.Dimensions.Single(d => d.Name == "Verbosity");
        Assert.Equal([Benefit("Efficiency"), Benefit("Learning")], verbosity.Enables);
        var language = Model.Dimensions.Single(d => d.Name == "Language");
        Assert.Equal([Benefit("InclusionAndAccess"), Benefit("DiversityOfRepresentation")], language.Enables);
        var maturity = Model.Dimensions.Single(d => d.Name == "Maturity");
        Assert.Equal([Risk("ManipulationOfTheVulnerable")], maturity.Mitigates);
    }

    [Fact]
    public void Bounds_keep_their_source_tier_and_order()
    {
        Assert.Equal(
            [
                (0, "Maturity", "AtMost(Maturity.Mature)"),
                (0, "Maturity", "AtMost(Maturity.Teen)"),
                (0, "DiscloseAi", "Locked(true)"),
                (0, "MemoryDays", "Between(0, 30)"),
                (0, "MemoryDays", "Locked(0)"),
                (0, "Topics", "AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance | Topics.Politics)"),
                (1, "Maturity", "AtMost(Maturity.Teen)"),
                (1, "MemoryDays", "Locked(0)"),
                (2, "MemoryDays", "Locked(0)"),
                (3, "DiscloseAi", "Locked(true)"),
                (4, "Maturity", "AtMost(Maturity.Teen)"),
                (4, "Tone", "AtMost(Tone.Playful)"),
                (4, "MemoryDays", "AtMost(14)"),
                (4, "Creativity", "AtMost(0.8)"),
                (4, "Topics", "AtMost(Topics.Science | Topics.History | Topics.Health | Topics.Finance)"),
                (4, "Language", "Allowed(\"en\", \"fr\", \"de\", \"es\")"),
                (5, "MemoryDays", "Between(0, 365)"),
                (5, "Creativity", "Between(0.0, 1.0)"),
            ],
            Model.Bounds.Select(b => (b.Tier, Model.Dimensions[b.Dimension].Name, b.Source)));
        Assert.Equal(Enumerable.Range(0, Model.Bounds.Count), Model.Bounds.Select(b => b.Index));
    }

    [Fact]
    public void Bounds_carry_their_conditions_waivers_and_values()
    {
        var euMaturity = Model.Bounds.Where(b => b.Tier == 0 && b.Dimension == 0).ToList();
        Assert.Equal(0u, euMaturity[0].When);
        Assert.False(euMaturity[0].IsConditional);
        Assert.Equal(Minor, euMaturity[1].When);
        Assert.Equal(0u, euMaturity[1].Unless);
        Assert.True(euMaturity[1].IsConditional);
        Assert.Equal("minors get at most teen content", euMaturity[1].Reason);
        Assert.Equal(BoundForm.AtMost, euMaturity[1].Form);
        Assert.Equal(0b011UL, euMaturity[1].Bound.Ceiling);

        var memory = Model.Bounds.Single(b => b.Tier == 0 && b.Form == BoundForm.Locked && b.Dimension == 4);
        Assert.Equal(ConsentsToMemory, memory.Unless);
        Assert.Equal(0u, memory.When);
        Assert.Equal((0d, 0d), (memory.Bound.Lo, memory.Bound.Hi));

        var disclose = Model.Bounds.Single(b => b.Tier == 0 && b.Dimension == 3);
        Assert.Equal(3, disclose.WaivableBy);
        Assert.Equal(0b10UL, disclose.Bound.Ceiling);

        // California's disclosure is not waivable: the user's waiver of EU law does not reach it.
        var californiaDisclose = Model.Bounds.Single(b => b.Tier == 3 && b.Dimension == 3);
        Assert.Equal(0, californiaDisclose.WaivableBy);
        Assert.Equal(0b10UL, californiaDisclose.Bound.Ceiling);

        var germanMemory = Model.Bounds.Single(b => b.Tier == 2 && b.Dimension == 4);
        Assert.Equal(Minor, germanMemory.When);
        Assert.Equal((0d, 0d), (germanMemory.Bound.Lo, germanMemory.Bound.Hi));

        var contosoMemory = Model.Bounds.Single(b => b.Tier == 4 && b.Dimension == 4);
        Assert.Equal((int.MinValue, 14d), (contosoMemory.Bound.Lo, contosoMemory.Bound.Hi));
        Assert.Equal([Risk("PrivacyInfringement")], contosoMemory.Mitigates);

        var contosoLanguage = Model.Bounds.Single(b => b.Tier == 4 && b.Dimension == 7);
        Assert.Equal(0b01111UL, contosoLanguage.Bound.Ceiling);
        Assert.Equal([Benefit("InclusionAndAccess")], contosoLanguage.Enables);

        Assert.All(Model.Bounds, b => Assert.NotNull(b.Location));
    }

    [Fact]
    public void The_waiver_claim_is_delegated()
    {
        var waiver = Assert.Single(Model.Waivers);
        Assert.Equal(5, waiver.Claimant);
        Assert.Equal(0, waiver.Waived);
        Assert.Equal("DiscloseAi", Model.Dimensions[waiver.Dimension].Name);
        Assert.Equal(RolePlay, waiver.When);
        Assert.True(waiver.IsDelegated);
    }

    [Fact]
    public void Forbids_are_tiers_first_then_the_users_own()
    {
        Assert.Equal(
            [
                (0, Hazard("ChildSexualExploitation") | Hazard("IndiscriminateWeapons"), 0u),
                (0, Hazard("SexualContent"), Minor),
                (1, Hazard("ChildSexualExploitation") | Hazard("IndiscriminateWeapons"), 0u),
                (1, Hazard("SexualContent"), Minor),
                (4, Hazard("Elections") | Hazard("SpecializedAdvice"), 0u),
            ],
            Model.Forbids.Where(f => !f.IsUsersOwn).Select(f => (f.Tier, f.Hazards, f.When)));
        var own = Model.Forbids[^1];
        Assert.True(own.IsUsersOwn);
        Assert.Equal(8, own.Dimension);
        Assert.Equal(5, own.Tier);
        Assert.Equal(Enumerable.Range(0, Model.Forbids.Count), Model.Forbids.Select(f => f.Index));
    }

    [Fact]
    public void Defaults_come_from_higher_tiers_initialisers()
    {
        Assert.Equal(
            [(4, "Maturity", DimensionValue.OfPosition(0)), (4, "Topics", DimensionValue.OfMask(3)), (4, "Language", DimensionValue.OfPosition(0))],
            Model.Defaults.Select(d => (d.Tier, Model.Dimensions[d.Dimension].Name, d.Value)));
        Assert.Empty(Model.CustomHazards);
    }

    [Fact]
    public void Reading_twice_gives_equal_models()
    {
        var again = GeneratorHarness.Read(GeneratorHarness.Compile(QuickStart.Sources()), QuickStart.UserTier);

        Assert.Equal(Model, again);
        Assert.Equal(Model.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Only_user_tiers_are_read()
    {
        var compilation = GeneratorHarness.Compile(QuickStart.Sources());

        Assert.Null(Parsing.PolicyReader.Read(compilation.GetTypeByMetadataName("QuickStart.Policies.EuLaw")!, compilation, default));
        Assert.Null(Parsing.PolicyReader.Read(compilation.GetTypeByMetadataName("QuickStart.Policies.ContosoLearning")!, compilation, default));
    }

    [Fact]
    public void Nested_user_tier_names_its_containing_types()
    {
        var model = GeneratorHarness.Read(GeneratorHarness.Compile(Policies.Nested), "Nested.Policies.Outer+Inner+Prefs");

        Assert.Equal("Nested.Policies", model.UserTier.Namespace);
        Assert.Equal("Nested.Policies.Outer.Inner.Prefs", model.UserTier.FullName);
        Assert.Equal(["partial class Outer", "partial class Inner"], model.UserTier.ContainingTypes);
    }

    [Fact]
    public void Global_user_tier_has_no_namespace()
    {
        var model = GeneratorHarness.Read(GeneratorHarness.Compile(Policies.GlobalNamespace), "GlobalPrefs");

        Assert.Equal(string.Empty, model.UserTier.Namespace);
        Assert.Equal("GlobalPrefs", model.UserTier.FullName);
        Assert.Equal("global::GlobalPrefs", model.UserTier.Qualified);
    }

    // The taxonomy's numbers, read from the runtime library the compilation references (the tests do not load it).
    private static int Benefit(string name) => (int)EnumValue("PolicyAsCode.Benefit", name);

    private static int Risk(string name) => (int)EnumValue("PolicyAsCode.Risk", name);

    private static ulong Hazard(string name) => (ulong)EnumValue("PolicyAsCode.Hazard", name);

    private static long EnumValue(string type, string member)
    {
        var field = QuickStartCompilation.Value.GetTypeByMetadataName(type)?.GetMembers(member).OfType<IFieldSymbol>().SingleOrDefault()
            ?? throw new InvalidOperationException($"{type}.{member} does not exist");
        return Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
    }
}
