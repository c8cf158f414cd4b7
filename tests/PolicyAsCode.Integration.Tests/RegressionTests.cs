using System;
using System.Linq;
using System.Threading.Tasks;
using PolicyAsCode.Integration.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Integration.Tests;

/// <summary>Inputs the mutation test once found to break the generator or the analyser, kept as fixed cases.</summary>
public sealed class RegressionTests
{
    private const string Header = """
        using PolicyAsCode;

        namespace Regression;

        public enum Level
        {
            Low,
            High,
        }

        [ImmutableTier("XX")]
        public partial record Law
        {
            [AtMost(Level.Low)]
            public Level Level { get; init; }
        }

        """;

    public static TheoryData<string, string> Cases => new()
    {
        {
            // Found as mutant #826: `Within = default` is an array constant whose values are a default ImmutableArray;
            // enumerating it threw InvalidOperationException in TierChain.Discover (AD0001 from the analyser).
            "organisation Within = default",
            Header + """
                [OrganisationTier("org", Within = default)]
                public partial record Org;

                [UserTier(Within = [typeof(Law)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Autonomy)]
                    public Level Level { get; init; }
                }
                """
        },
        {
            // The same constant on the user tier reaches the generator's reader too (CS8785 would drop every policy's output).
            "user tier Within = null",
            Header + """
                [UserTier(Within = null)]
                public partial record Prefs
                {
                    [Enables(Benefit.Autonomy)]
                    public Level Level { get; init; }
                }
                """
        },
        {
            "user tier Within = default",
            Header + """
                [UserTier(Within = default)]
                public partial record Prefs
                {
                    [Enables(Benefit.Autonomy)]
                    public Level Level { get; init; }
                }
                """
        },
        {
            // The other unguarded TypedConstant.Values reads in PolicyReader (found by reading the code after #826).
            "[Enables(null)] on a dimension",
            Header + """
                [UserTier(Within = [typeof(Law)])]
                public partial record Prefs
                {
                    [Enables(null)]
                    public Level Level { get; init; }
                }
                """
        },
        {
            "[Mitigates(null)] on a bound",
            Header + """
                [OrganisationTier("org", Within = [typeof(Law)])]
                public partial record Org
                {
                    [AtMost(Level.Low)]
                    [Mitigates(null)]
                    public Level Level { get; init; }
                }

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Autonomy)]
                    public Level Level { get; init; }
                }
                """
        },
        {
            "[Allowed(null)] on a string dimension",
            Header + """
                [UserTier(Within = [typeof(Law)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Autonomy)]
                    public Level Level { get; init; }

                    [Allowed(null)]
                    [Enables(Benefit.Autonomy)]
                    public string Language { get; init; } = "en";
                }
                """
        },
        {
            "[Allowed(null)] as a tier's bound",
            Header + """
                [OrganisationTier("org", Within = [typeof(Law)])]
                public partial record Org
                {
                    [Allowed(null)]
                    public string Language { get; init; }
                }

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Autonomy)]
                    public Level Level { get; init; }

                    [Allowed("en", "fr")]
                    [Enables(Benefit.Autonomy)]
                    public string Language { get; init; } = "en";
                }
                """
        },
        {
            "[Forbid(..., Mitigates = null)]",
            Header + """
                [OrganisationTier("org", Within = [typeof(Law)])]
                [Forbid(Hazard.Elections, Mitigates = null)]
                public partial record Org;

                [UserTier(Within = [typeof(Org)])]
                public partial record Prefs
                {
                    [Enables(Benefit.Autonomy)]
                    public Level Level { get; init; }
                }
                """
        },
        {
            "[Enables(\"x\")]: an argument of the wrong type",
            Header + """
                [UserTier(Within = [typeof(Law)])]
                public partial record Prefs
                {
                    [Enables("x")]
                    [Allowed(1)]
                    public Level Level { get; init; }
                }
                """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Generator_and_analyser_do_not_fail(string description, string source)
    {
        var run = await PolicyHarness.RunAsync(PolicyHarness.Compile([PolicyHarness.Parse(new SourceFile("Regression.cs", source))]));

        Assert.True(run.GeneratorException is null, $"{description}: the generator threw {run.GeneratorException}");
        Assert.DoesNotContain(run.GeneratorDiagnostics.Concat(run.OutputDiagnostics), d => d.Id is "CS8784" or "CS8785" or "AD0001");
        Assert.True(run.AnalyzerExceptions.Count == 0, $"{description}: the analyser threw {run.AnalyzerExceptions.FirstOrDefault()}");
    }
}
