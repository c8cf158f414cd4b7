using System.Threading.Tasks;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.CodeFixes;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.CodeFixes;

/// <summary>PAC0009's fix (make the type partial) and PAC0002's fix (remove the bound that has no effect).</summary>
public class MakePartialAndRemoveBoundFixTests
{
    private const string Org = """
        [OrganisationTier("acme")]
        public partial record Acme
        {
            [AtMost(Tone.Playful)]
            public Tone Tone { get; init; }
        }
        """;

    private static string WithPrefs(string declaration) => $$"""
        using PolicyAsCode;

        namespace Demo;

        {{Org}}

        /// <summary>What a user may choose.</summary>
        [UserTier(Within = [typeof(Acme)])]
        {{declaration}}
        {
            [Enables(Benefit.Wellbeing)]
            public Tone Tone { get; init; }
        }
        """;

    [Fact]
    public async Task Plain_record_becomes_partial_record()
    {
        await Verify.CodeFixAsync<MakePartialFix>(WithPrefs("record {|PAC0009:Prefs|}"), WithPrefs("partial record Prefs"));
    }

    [Fact]
    public async Task Public_record_becomes_public_partial_record()
    {
        await Verify.CodeFixAsync<MakePartialFix>(WithPrefs("public record {|PAC0009:Prefs|}"), WithPrefs("public partial record Prefs"));
    }

    [Fact]
    public async Task Sealed_record_keeps_its_modifiers()
    {
        await Verify.CodeFixAsync<MakePartialFix>(WithPrefs("public sealed record {|PAC0009:Prefs|}"), WithPrefs("public sealed partial record Prefs"));
    }

    [Fact]
    public async Task Containing_class_of_a_nested_user_tier_becomes_partial()
    {
        static string Source(string outer) => $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            // Every policy of the app, in one place.
            {{outer}}
            {
                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Wellbeing)]
                    public Tone Tone { get; init; }
                }
            }
            """;

        await Verify.CodeFixAsync<MakePartialFix>(Source("public static class {|PAC0009:Policies|}"), Source("public static partial class Policies"));
    }

    [Fact]
    public async Task Containing_class_without_modifiers_becomes_partial()
    {
        static string Source(string outer) => $$"""
            using PolicyAsCode;

            namespace Demo;

            {{Org}}

            {{outer}}
            {
                [UserTier(Within = [typeof(Acme)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Wellbeing)]
                    public Tone Tone { get; init; }
                }
            }
            """;

        await Verify.CodeFixAsync<MakePartialFix>(Source("class {|PAC0009:Policies|}"), Source("partial class Policies"));
    }

    private static string WithOrgBounds(string attributes) => $$"""
        using PolicyAsCode;

        namespace Demo;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen)]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        public partial record Acme
        {
        {{attributes}}
            public Maturity Maturity { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }
        """;

    [Fact]
    public async Task Ineffective_bound_on_its_own_line_is_removed()
    {
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            WithOrgBounds("    [{|PAC0002:AtMost(Maturity.Mature)|}]\n    [Mitigates(Risk.ManipulationOfTheVulnerable)]"),
            WithOrgBounds("    [Mitigates(Risk.ManipulationOfTheVulnerable)]"));
    }

    [Fact]
    public async Task Ineffective_bound_sharing_a_list_is_removed_from_it()
    {
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            WithOrgBounds("    [{|PAC0002:AtMost(Maturity.Mature)|}, Mitigates(Risk.ManipulationOfTheVulnerable)]"),
            WithOrgBounds("    [Mitigates(Risk.ManipulationOfTheVulnerable)]"));
    }

    [Fact]
    public async Task Ineffective_last_bound_is_removed_and_the_comment_above_it_kept()
    {
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            WithOrgBounds("    /// <summary>Content maturity for the whole service.</summary>\n    [{|PAC0002:AtMost(Maturity.Teen)|}]"),
            WithOrgBounds("    /// <summary>Content maturity for the whole service.</summary>"));
    }

    [Fact]
    public async Task Ineffective_first_bound_is_removed_and_the_comment_above_it_kept()
    {
        await Verify.CodeFixAsync<RemoveIneffectiveBoundFix>(
            WithOrgBounds("    // Reviewed by legal in 2024.\n    [{|PAC0002:AtMost(Maturity.Mature)|}]\n    [Mitigates(Risk.ManipulationOfTheVulnerable)]"),
            WithOrgBounds("    // Reviewed by legal in 2024.\n    [Mitigates(Risk.ManipulationOfTheVulnerable)]"));
    }
}
