using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests;

/// <summary>What an IDE asks of the analyser: silence where there is no policy, and no crash on code half typed.</summary>
public class RobustnessTests
{
    private const string Ordinary = """
        using System.Collections.Generic;

        namespace Shop;

        public sealed record Order(int Id, decimal Total)
        {
            public static Order Empty => new(0, 0m);

            public Order WithTotal(decimal total) => this with { Total = total };
        }

        public static class Orders
        {
            public static List<Order> All { get; } = [Order.Empty, new Order(1, 9.5m) { Total = 10m }];

            public class Nested
            {
                public partial record Line(string Sku);
            }
        }

        public partial record Line;
        """;

    [Fact]
    public async Task Without_the_authoring_attributes_in_reach_nothing_is_registered_and_nothing_reported()
    {
        var run = await Direct.AnalyseAsync(TestReferences.Framework, ("/src/Orders.cs", Ordinary));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
        Assert.Equal(1, run.Telemetry.CompilationStartActionsCount);
        Assert.Equal(0, run.Telemetry.SymbolActionsCount);
        Assert.Equal(0, run.Telemetry.OperationActionsCount);
    }

    [Fact]
    public async Task With_the_runtime_referenced_but_no_tier_nothing_is_reported_and_nothing_throws()
    {
        var run = await Direct.AnalyseAsync(
            TestReferences.All,
            ("/src/Orders.cs", Ordinary),
            ("/src/Uses.cs", """
                using PolicyAsCode;

                namespace Shop;

                public static class Uses
                {
                    // Attributes of the SDK on types that are not tiers.
                    [AtMost(3)]
                    public static int Limit { get; } = 4;

                    public static Hazard Blocked => Hazard.Hate | Hazard.Elections;
                }
                """));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
    }

    /// <summary>Code in the middle of being typed: each must be analysed without an exception (no AD0001).</summary>
    public static TheoryData<string, string> HalfTyped() => new()
    {
        {
            "bound value cut after the enum's dot", """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.ManipulationOfTheVulnerable)]
                public Maturity Maturity { get; init; } = Maturity.Mature;
            }
            """
        },
        {
            "Within cut inside typeof", """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(
            public partial record Prefs
            {
                public Maturity Maturity { get; init; } = Maturity.Mature;
            }
            """
        },
        {
            "property missing its type", """
            [OrganisationTier("acme")]
            public partial record Acme
            {
                [AtMost(Tone.Playful)]
                public Tone { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public Tone { get; init; } = Tone.Sarcastic;
                public static Prefs Loud => new() { Tone = Tone.Sarcastic };
            }
            """
        },
        {
            "tier attribute without its argument", """
            [ImmutableTier(]
            public partial record EuLaw
            {
                [Between(0, )]
                public int MemoryDays { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw), ])]
            public partial record Acme;

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; } = 40;
            }
            """
        },
        {
            "Within naming a generic, an array and an unbound type", """
            [UserTier(Within = [typeof(System.Collections.Generic.List<int>), typeof(int[]), typeof(System.Collections.Generic.Dictionary<,>)])]
            public partial record Prefs
            {
                public bool Concise { get; init; }
            }
            """
        },
        {
            "Within that is not an array", """
            [UserTier(Within = typeof(EuLaw))]
            public partial record Prefs
            {
                public bool Concise { get; init; }
            }

            [ImmutableTier("EU")]
            public partial record EuLaw;
            """
        },
        {
            "bounds and waivers with wrong arguments", """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost()]
                [AtLeast(null)]
                [Locked(new[] { 1 })]
                [Allowed()]
                [Between(Maturity.Teen)]
                public Maturity Maturity { get; init; }

                [Waives(null)]
                [Waives(typeof(int))]
                [Locked(true, WaivableBy = (TierRank)42, When = (Fact)12345)]
                public bool DiscloseAi { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; } = (Maturity)17;
                [Waives(typeof(EuLaw))]
                [Waives(typeof(Prefs))]
                public bool DiscloseAi { get; init; } = default;
                public static Prefs P => new() { Maturity = (Maturity)99, DiscloseAi = false, Missing = 3 };
            }
            """
        },
        {
            "preset with errors and recursion", """
            [UserTier]
            public partial record Prefs
            {
                public int MemoryDays { get; init; } = MemoryDays;
                public static Prefs P => new Prefs { MemoryDays = 1 / 0 };
                public static Prefs Q => P with { MemoryDays = };
                public static Prefs R => new Unknown { MemoryDays = 3 };
                public static Prefs S => new() { MemoryDays = "seven" };
            }
            """
        },
        {
            "a tier record with a primary constructor, a base type and a cycle", """
            [OrganisationTier("acme", Within = [typeof(Acme)])]
            public partial record Acme(int Days) : Acme;

            [UserTier(Within = [typeof(Acme), typeof(Prefs)])]
            public partial record Prefs(int Days)
            {
                public int Days { get; init; } = Days;
            }
            """
        },
        {
            "duplicate tier attributes across partial declarations", """
            [UserTier]
            public partial record Prefs
            {
                public bool Concise { get; init; } = true;
            }

            [UserTier]
            [OrganisationTier("acme")]
            public partial record Prefs
            {
                public bool Concise { get; init; }
            }
            """
        },
        {
            "a string dimension with odd allowed values and an empty enum", """
            public enum Nothing { }

            [UserTier]
            public partial record Prefs
            {
                [Allowed(null, 3, "en", "en")]
                public string Language { get; init; } = "xx";

                public Nothing Empty { get; init; }

                [Between(double.NaN, double.PositiveInfinity)]
                public double Creativity { get; init; } = double.NaN;
            }
            """
        },
        {
            "file cut in the middle of the user tier", """
            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                [Mitigates(Risk.
                public Maturity Maturity { get; init; } = Maturity.
            """
        },
    };

    [Theory]
    [MemberData(nameof(HalfTyped))]
    public async Task Half_typed_code_never_makes_the_analyser_throw(string what, string body)
    {
        var run = await Direct.AnalyseAsync(TestReferences.All, ("/src/Policy.cs", "using PolicyAsCode;\n\nnamespace Demo;\n\n" + body), ("/src/Dimensions.cs", Sources.Dimensions));

        Assert.True(run.Exceptions.Count == 0, what + ": " + string.Join("\n", run.Exceptions));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AD0001");
        Assert.All(run.Diagnostics, d => Assert.StartsWith("PAC", d.Id, StringComparison.Ordinal));
    }

    private const string Complete = """
        using PolicyAsCode;

        namespace Demo;

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [AtMost(Maturity.Teen, When = Fact.Minor)]
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }

            [Locked(true, WaivableBy = TierRank.User)]
            public bool DiscloseAi { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw)])]
        [Forbid(Hazard.Elections, Reason = "no politics")]
        public partial record Acme
        {
            [Between(0, 14)]
            public int MemoryDays { get; init; } = 7;

            [Allowed("en", "fr")]
            public string Language { get; init; } = "en";
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; } = Maturity.Mature;

            [Waives(typeof(EuLaw), When = Fact.RolePlay)]
            [Mitigates(Risk.Anthropomorphism)]
            public bool DiscloseAi { get; init; } = true;

            [Enables(Benefit.Usefulness)]
            public int MemoryDays { get; init; } = 40;

            [Allowed("en", "fr", "de")]
            [Enables(Benefit.InclusionAndAccess)]
            public string Language { get; init; } = "de";

            public static Prefs Storyteller => new() { Maturity = Maturity.Mature, MemoryDays = 90 };
        }
        """;

    /// <summary>Every prefix of a policy, cut at each token, as an author typing it from the top would leave it.</summary>
    [Fact]
    public async Task Every_prefix_of_a_policy_is_analysed_without_an_exception()
    {
        var tokens = CSharpSyntaxTree.ParseText(Complete, Direct.ParseOptions).GetRoot().DescendantTokens().ToList();
        var failures = new List<string>();
        foreach (var token in tokens)
        {
            var prefix = Complete.Substring(0, token.Span.End);
            var run = await Direct.AnalyseAsync(TestReferences.All, ("/src/Policy.cs", prefix), ("/src/Dimensions.cs", Sources.Dimensions));
            if (run.Exceptions.Count > 0 || run.Diagnostics.Any(d => d.Id == "AD0001"))
            {
                failures.Add($"after '{token.Text}' at {token.Span.End}: {string.Join(" | ", run.Exceptions.Select(e => e.GetType().Name + ": " + e.Message))}");
            }
        }

        Assert.True(tokens.Count > 200, "the policy should exercise many states");
        Assert.Empty(failures);
    }

    /// <summary>The policy with each token deleted in turn: a missing name, bracket, comma or value anywhere.</summary>
    [Fact]
    public async Task The_policy_with_any_one_token_missing_is_analysed_without_an_exception()
    {
        var tokens = CSharpSyntaxTree.ParseText(Complete, Direct.ParseOptions).GetRoot().DescendantTokens().ToList();
        var failures = new List<string>();
        foreach (var token in tokens)
        {
            var source = Complete.Remove(token.SpanStart, token.Span.Length);
            var run = await Direct.AnalyseAsync(TestReferences.All, ("/src/Policy.cs", source), ("/src/Dimensions.cs", Sources.Dimensions));
            if (run.Exceptions.Count > 0 || run.Diagnostics.Any(d => d.Id == "AD0001"))
            {
                failures.Add($"without '{token.Text}' at {token.SpanStart}: {string.Join(" | ", run.Exceptions.Select(e => e.GetType().Name + ": " + e.Message))}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_complete_policy_reports_what_it_should()
    {
        var run = await Direct.AnalyseAsync(TestReferences.All, ("/src/Policy.cs", Complete), ("/src/Dimensions.cs", Sources.Dimensions));

        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // Maturity is bounded only for minors, so its Mature default is fine; 40 and 90 break Between(0, 14); "de" is not allowed.
        var found = run.Diagnostics.Select(d => (d.Id, Text: d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))).OrderBy(x => x.Text).ToList();
        Assert.Equal(
            [("PAC0001", "\"de\""), ("PAC0001", "40"), ("PAC0001", "90")],
            found);
    }

    [Fact]
    public void A_cancelled_analysis_is_not_remembered_by_the_next_request()
    {
        var compilation = Direct.Compile(TestReferences.All, ("/src/Policy.cs", Complete), ("/src/Dimensions.cs", Sources.Dimensions));
        var analysis = new PolicyAnalysis(compilation);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => analysis.Findings(cancelled.Token));

        // The two defaults (presets are checked per operation, not here).
        var findings = analysis.Findings(CancellationToken.None);
        Assert.Equal(2, findings.Count(f => f.Id == "PAC0001"));
        Assert.Same(findings, analysis.Findings(cancelled.Token));
    }
}
