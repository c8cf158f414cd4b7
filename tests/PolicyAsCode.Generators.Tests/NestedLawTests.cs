using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// Laws within laws (issue 14) in the generator: a law comes before every law within it in tier order (so a
/// supra-national bound precedes the national ones in canonical order) whatever order the tiers are declared or found
/// in; the evaluator tests, for each law, every jurisdiction it covers, in straight-line code; a cycle of laws is
/// reported by the generator itself, which then emits nothing.
/// </summary>
public sealed class NestedLawTests
{
    private static readonly string[] LawDeclarations =
    [
        """
        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [Between(0, 30)]
            public int MemoryDays { get; init; }
        }
        """,
        """
        [ImmutableTier("DE", Within = [typeof(EuLaw)])]
        public partial record DeLaw
        {
            [Between(0, 14)]
            public int MemoryDays { get; init; }
        }
        """,
        """
        [ImmutableTier("DE-BY", Within = [typeof(DeLaw)])]
        public partial record DeByLaw
        {
            [Locked(0, When = Fact.Minor)]
            public int MemoryDays { get; init; }
        }
        """,
        """
        [ImmutableTier("US")]
        public partial record UsLaw
        {
            [AtMost(90)]
            public int MemoryDays { get; init; }
        }
        """,
    ];

    // The laws an organisation may list: the innermost alone, every law in either order, and the chain inside out.
    public static TheoryData<string> WithinLists =>
    [
        "typeof(DeByLaw), typeof(UsLaw)",
        "typeof(UsLaw), typeof(DeByLaw)",
        "typeof(DeByLaw), typeof(DeLaw), typeof(EuLaw), typeof(UsLaw)",
        "typeof(UsLaw), typeof(EuLaw), typeof(DeLaw), typeof(DeByLaw)",
    ];

    private static string Policy(IEnumerable<int> declarationOrder, string within) =>
        "using PolicyAsCode;\n\nnamespace Order;\n\n"
        + string.Join("\n\n", declarationOrder.Select(i => LawDeclarations[i]))
        + $$"""


            [OrganisationTier("acme", Within = [{{within}}])]
            public partial record Acme;

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; }
            }
            """;

    [Theory]
    [MemberData(nameof(WithinLists))]
    public void A_law_comes_before_every_law_within_it_whatever_the_declaration_order(string within)
    {
        string? firstOutput = null;
        foreach (var order in Permutations([0, 1, 2, 3]))
        {
            var compilation = GeneratorHarness.Compile([new SourceFile("Order.cs", Policy(order, within))]);
            var model = GeneratorHarness.Read(compilation, "Order.Prefs");
            var names = model.Tiers.Select(t => t.Name).ToList();
            var described = $"declared {string.Join(", ", order)}, within {within}: {string.Join(", ", names)}";

            Assert.Empty(model.Problems);
            Assert.True(names.IndexOf("EU") < names.IndexOf("DE") && names.IndexOf("DE") < names.IndexOf("DE-BY"), described);
            Assert.Equal(["acme", "Prefs"], names.Skip(4));
            Assert.Equal(Enumerable.Range(0, 6), model.Tiers.Select(t => t.Index));

            // Canonical order follows: EU's bound before DE's before DE-BY's, so a supra-national bound is met first.
            var lawBounds = model.Bounds.Where(b => model.Tiers[b.Tier].Name is "EU" or "DE" or "DE-BY").Select(b => b.Source);
            Assert.Equal(["Between(0, 30)", "Between(0, 14)", "Locked(0)"], lawBounds);

            // Where the tiers are declared changes nothing the generator writes.
            var output = string.Join("\n", GeneratorHarness.Run(compilation).Sources.Select(s => s.Text));
            firstOutput ??= output;
            Assert.True(firstOutput == output, $"the output differs when the laws are {described}");
        }
    }

    [Fact]
    public void Each_law_is_tested_against_every_jurisdiction_it_covers()
    {
        var scope = ScopeOf(GeneratorHarness.Run(Policies.NestedLaws));

        // Tier order US, EU, DE, DE-BY: EU law applies in EU, DE and DE-BY; DE law in DE and DE-BY; US law in US only;
        // every law where no jurisdiction matched.
        Assert.Contains("var usLawApplies = jurisdiction < 0 | jurisdiction == 0;", scope, StringComparison.Ordinal);
        Assert.Contains("var euLawApplies = jurisdiction < 0 | jurisdiction == 1 | jurisdiction == 2 | jurisdiction == 3;", scope, StringComparison.Ordinal);
        Assert.Contains("var deLawApplies = jurisdiction < 0 | jurisdiction == 2 | jurisdiction == 3;", scope, StringComparison.Ordinal);
        Assert.Contains("var deByLawApplies = jurisdiction < 0 | jurisdiction == 3;", scope, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NestedLaws")]
    [InlineData("QuickStart")]
    public void The_evaluator_stays_straight_line(string policy)
    {
        var outcome = GeneratorHarness.Run(policy == "QuickStart" ? QuickStart.Sources() : Policies.NestedLaws);
        var evaluator = outcome.Sources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).Text;
        var root = CSharpSyntaxTree.ParseText(evaluator, GeneratorHarness.ParseOptions).GetRoot();

        // The only loops build the registry's taxonomy links, once, when the tables load; resolving, deciding and
        // matching a jurisdiction are straight-line.
        var loops = root.DescendantNodes().Where(n => n is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax or GotoStatementSyntax);
        Assert.All(loops, loop => Assert.Contains(
            loop.Ancestors().OfType<MethodDeclarationSyntax>().First().Identifier.Text, new[] { "Benefits", "Risks" }));
        Assert.Contains(root.DescendantNodes().OfType<MethodDeclarationSyntax>(), m => m.Identifier.Text == "MatchJurisdiction");
    }

    [Fact]
    public void The_generator_itself_reports_a_cycle_of_laws_and_emits_nothing()
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Cycle.cs", """
            using PolicyAsCode;

            namespace Cycle;

            [ImmutableTier("EU", Within = [typeof(DeLaw)])]
            public partial record EuLaw
            {
                [Between(0, 30)]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("DE", Within = [typeof(EuLaw)])]
            public partial record DeLaw
            {
                [Between(0, 14)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(DeLaw)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; }
            }
            """)]);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.Result.GeneratedSources);
        var error = Assert.Single(outcome.Result.Diagnostics);
        Assert.Equal("PAC0003", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, error.Descriptor.CustomTags);
        Assert.Equal(
            "DeLaw is within itself (DeLaw within EuLaw within DeLaw): the laws' Within lists form a cycle",
            error.GetMessage(CultureInfo.InvariantCulture));

        // At DeLaw's attribute, line 12 of the file.
        var at = error.Location.GetLineSpan();
        Assert.Equal("Cycle.cs", at.Path);
        Assert.Equal(11, at.StartLinePosition.Line);
    }

    [Fact]
    public void A_chain_three_laws_long_names_the_whole_cycle()
    {
        var outcome = GeneratorHarness.Run([new SourceFile("Cycle.cs", """
            using PolicyAsCode;

            namespace Cycle;

            [ImmutableTier("EU", Within = [typeof(DeByLaw)])]
            public partial record EuLaw;

            [ImmutableTier("DE", Within = [typeof(EuLaw)])]
            public partial record DeLaw;

            [ImmutableTier("DE-BY", Within = [typeof(DeLaw)])]
            public partial record DeByLaw
            {
                [Between(0, 14)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(DeByLaw)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; }
            }
            """)]);

        Assert.Empty(outcome.Result.GeneratedSources);
        Assert.Equal(
            ["DeByLaw is within itself (DeByLaw within DeLaw within EuLaw within DeByLaw): the laws' Within lists form a cycle"],
            outcome.Result.Diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_cycle_through_a_shared_jurisdiction_is_reported_and_emits_nothing()
    {
        // No law type is within itself, but the jurisdictions are: DE within EU, and a second EU law within DE. The
        // kernel nests jurisdictions, so EU law would bind DE law and DE law EU law; the generator refuses the policy.
        var outcome = GeneratorHarness.Run([new SourceFile("SharedCycle.cs", """
            using PolicyAsCode;

            namespace SharedCycle;

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [Between(0, 30)]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("DE", Within = [typeof(EuLaw)])]
            public partial record DeLaw
            {
                [Between(0, 14)]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("eu", Within = [typeof(DeLaw)])]
            public partial record EuAiAct;

            [UserTier(Within = [typeof(EuAiAct)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; }
            }
            """)]);

        Assert.Null(outcome.Result.Exception);
        Assert.Empty(outcome.Result.GeneratedSources);
        var messages = outcome.Result.Diagnostics.Select(d => (d.Id, d.GetMessage(CultureInfo.InvariantCulture))).ToList();
        Assert.Contains(("PAC0003", "DeLaw puts DE within a jurisdiction that is itself within DE through other laws: the laws' Within lists form a cycle"), messages);
        Assert.All(outcome.Result.Diagnostics, d => Assert.Equal("PAC0003", d.Id));
    }

    private static string ScopeOf(GeneratorOutcome outcome)
    {
        var evaluator = outcome.Sources.Single(s => s.HintName.EndsWith(".Policy.g.cs", StringComparison.Ordinal)).Text;
        var root = CSharpSyntaxTree.ParseText(evaluator, GeneratorHarness.ParseOptions).GetRoot();
        var scope = root.DescendantNodes().OfType<StructDeclarationSyntax>().Single(s => s.Identifier.Text == "PolicyScope");
        return scope.ToFullString();
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Length; i++)
        {
            foreach (var rest in Permutations([.. items.Take(i), .. items.Skip(i + 1)]))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
