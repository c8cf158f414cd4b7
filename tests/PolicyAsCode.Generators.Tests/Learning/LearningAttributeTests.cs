using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Emitting;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Learning;

/// <summary>
/// Issue 18: [Learnable], [NotLearnable] and [LearnWithin] are read into the model and the registry data, and every
/// misuse is PAC0005, which the generator reports itself and which blocks the policy.
/// </summary>
public sealed class LearningAttributeTests
{
    private const string Policy = """
        using PolicyAsCode;

        namespace Tutor;

        public enum Verbosity { Concise, Balanced, Detailed }

        public enum Tone { Neutral, Friendly, Playful }

        [ImmutableTier("EU")]
        public partial record EuLaw
        {
            [NotLearnable(Reason = "no tuning of tone from reactions")]
            public Tone Tone { get; init; }
        }

        [ImmutableTier("DE", Within = [typeof(EuLaw)])]
        public partial record DeLaw
        {
            [LearnWithin(1, 20)]
            public int Examples { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(EuLaw), typeof(DeLaw)])]
        public partial record Acme
        {
            [LearnWithin(Verbosity.Concise, Verbosity.Balanced, Reason = "detail is chosen")]
            public Verbosity Verbosity { get; init; }

            [LearnWithin(5, 30)]
            public int Examples { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Learnable]
            public Verbosity Verbosity { get; init; } = Verbosity.Balanced;

            [Learnable]
            public Tone Tone { get; init; } = Tone.Friendly;

            [Learnable]
            public int Examples { get; init; } = 3;

            [Learnable]
            public bool Emoji { get; init; }

            public int Unlearned { get; init; }
        }
        """;

    [Fact]
    public void Learning_attributes_are_read_into_the_model_in_tier_order_and_the_policy_compiles()
    {
        var compilation = GeneratorHarness.Compile([new SourceFile("Tutor.cs", Policy)]);
        var outcome = GeneratorHarness.Run(compilation);

        Assert.Empty(outcome.DriverDiagnostics);
        Assert.Empty(GeneratorHarness.WarningsAndErrors(outcome.Output));
        var model = GeneratorHarness.Read(compilation, "Tutor.Prefs");
        Assert.Equal(["Verbosity", "Tone", "Examples", "Emoji"], model.Dimensions.Where(d => d.Learnable).Select(d => d.Name));
        Assert.False(model.Dimensions.Single(d => d.Name == "Unlearned").Learnable);
        Assert.Equal(
            [
                "0 Tone off NotLearnable()",
                "1 Examples [1, 20] LearnWithin(1, 20)",
                "2 Verbosity 0x3 LearnWithin(Verbosity.Concise, Verbosity.Balanced)",
                "2 Examples [5, 30] LearnWithin(5, 30)",
            ],
            model.Learning.Select(l => $"{l.Tier} {model.Dimensions[l.Dimension].Name} {Range(l)} {l.Source}"));
        Assert.Equal("no tuning of tone from reactions", model.Learning[0].Reason);
        Assert.Equal("detail is chosen", model.Learning[2].Reason);
    }

    [Fact]
    public void The_build_time_shape_answers_where_learning_binds_and_the_data_carries_it()
    {
        var compilation = GeneratorHarness.Compile([new SourceFile("Tutor.cs", Policy)]);
        var model = GeneratorHarness.Read(compilation, "Tutor.Prefs");
        var shape = Model.PolicyShapes.ToShape(model);
        const int Verbosity = 0, Tone = 1, Examples = 2, Emoji = 3, Unlearned = 4;
        const int Eu = 0, De = 1, None = -1;

        // EU law switches tone off in EU, in DE (within EU), and where no jurisdiction matched (every law applies).
        foreach (var j in new[] { Eu, De, None })
        {
            var tone = LearningScope.Of(shape, Tone, j);
            Assert.Equal((LearningVerdict.SwitchedOff, 0), (tone.Verdict, tone.Tier));
        }

        // DE's range and the organisation's meet in DE; in EU only the organisation's binds.
        Assert.Equal((5d, 20d), (LearningScope.Of(shape, Examples, De).Range.Lo, LearningScope.Of(shape, Examples, De).Range.Hi));
        Assert.Equal((5d, 30d), (LearningScope.Of(shape, Examples, Eu).Range.Lo, LearningScope.Of(shape, Examples, Eu).Range.Hi));
        Assert.Equal(0b011UL, LearningScope.Of(shape, Verbosity, Eu).Range.Ceiling);
        Assert.Equal(LearningVerdict.Learnable, LearningScope.Of(shape, Emoji, Eu).Verdict);
        Assert.Equal(LearningVerdict.NotMarked, LearningScope.Of(shape, Unlearned, Eu).Verdict);

        var json = RegistryDataEmitter.Json(model);
        Assert.Equal(3, RegistryDataEmitter.Format);
        Assert.Contains("\"learnable\":true", json, StringComparison.Ordinal);
        Assert.Contains("\"learning\":[{\"tier\":0,\"dimension\":1,\"notLearnable\":true,", json, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"LearnWithin(Verbosity.Concise, Verbosity.Balanced)\",\"reason\":\"detail is chosen\"", json, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> Misuses => new()
    {
        { "a learnable set", "public Verbosity Verbosity { get; init; } = Verbosity.Balanced;", "[Learnable]\n    public Topics Topics { get; init; }", "only an ordered enum, int, double or bool dimension can be learned from feedback, not a [Flags] enum" },
        { "a learnable string", "public Verbosity Verbosity { get; init; } = Verbosity.Balanced;", "[Learnable]\n    [Allowed(\"en\", \"fr\")]\n    public string Language { get; init; } = \"en\";", "not a string" },
        { "a range on a bool", "[LearnWithin(false, true)]\n    public bool Emoji { get; init; }", "[Learnable]\n    public bool Emoji { get; init; }", "a learning range needs an ordered enum, int or double dimension, not a bool" },
        { "lo above hi", "[LearnWithin(Verbosity.Detailed, Verbosity.Concise)]\n    public Verbosity Verbosity { get; init; }", "", "allows no value (is lo above hi?)" },
        { "a range of the wrong type", "[LearnWithin(1, 2)]\n    public Verbosity Verbosity { get; init; }", "", "is not a member of Tutor.Verbosity" },
        { "learnable on the organisation", "[Learnable]\n    public Verbosity Verbosity { get; init; }", "", "only the user tier marks a dimension learnable" },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misuse_is_pac0005_at_the_attribute_and_blocks_the_policy(string description, string organisationProperty, string userProperty, string expected)
    {
        var source = $$"""
            using System;
            using PolicyAsCode;

            namespace Tutor;

            public enum Verbosity { Concise, Balanced, Detailed }

            [Flags]
            public enum Topics { None = 0, Science = 1, History = 2 }

            [OrganisationTier("acme")]
            public partial record Acme
            {
                {{organisationProperty}}
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                [Learnable]
                public Verbosity Verbosity { get; init; } = Verbosity.Balanced;

                {{userProperty}}
            }
            """;
        var outcome = GeneratorHarness.Run([new SourceFile("Tutor.cs", source)]);

        Assert.Null(outcome.Result.Exception);
        Assert.True(outcome.Result.GeneratedSources.IsEmpty, $"{description}: an evaluator was emitted");
        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0005", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains(expected, error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var path = error.Location.GetLineSpan().Path;
        var at = outcome.Output.SyntaxTrees.Single(t => t.FilePath == path).GetText().ToString(error.Location.SourceSpan);
        Assert.Matches("^(Learnable|LearnWithin)", at);
    }

    [Fact]
    public void Limiting_learning_on_the_user_tier_is_pac0005()
    {
        var source = Policy.Replace("    [Learnable]\n    public bool Emoji", "    [NotLearnable]\n    public bool Emoji", StringComparison.Ordinal);
        Assert.NotEqual(Policy, source);
        var outcome = GeneratorHarness.Run([new SourceFile("Tutor.cs", source)]);

        var error = Assert.Single(outcome.DriverDiagnostics);
        Assert.Equal("PAC0005", error.Id);
        Assert.Contains("only a law or an organisation limits learning", error.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.True(outcome.Result.GeneratedSources.IsEmpty);
    }

    private static string Range(Model.LearningModel rule) =>
        rule.NotLearnable ? "off"
        : rule.Range.Kind is DimensionKind.Integer or DimensionKind.Real
            ? $"[{rule.Range.Lo.ToString(CultureInfo.InvariantCulture)}, {rule.Range.Hi.ToString(CultureInfo.InvariantCulture)}]"
            : "0x" + rule.Range.Ceiling.ToString("X", CultureInfo.InvariantCulture);
}
