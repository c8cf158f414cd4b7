using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests;

/// <summary>The QuickStart sample's policy, as it is on disk, builds clean: its only diagnostics are the open-personalisation infos.</summary>
public class QuickStartTests
{
    [Fact]
    public async Task QuickStart_policy_produces_only_the_PAC0008_infos_for_its_open_dimensions()
    {
        var folder = Path.Combine(Sources.RepoRoot(), "samples", "QuickStart", "Policies");
        var files = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, System.StringComparer.Ordinal).ToArray();
        Assert.Contains(files, f => Path.GetFileName(f) == "LearnerPreferences.cs");

        var test = new PolicyAnalyzerTest();
        foreach (var file in files)
        {
            test.TestState.Sources.Add(("/QuickStart/Policies/" + Path.GetFileName(file), File.ReadAllText(file)));
        }

        // Verbosity and AvoidHazards are the learner's own: neither law nor Contoso bounds them.
        var preferences = File.ReadAllText(Path.Combine(folder, "LearnerPreferences.cs"));
        test.ExpectedDiagnostics.Add(Open(preferences, "public Verbosity Verbosity", "Verbosity"));
        test.ExpectedDiagnostics.Add(Open(preferences, "public Hazard AvoidHazards", "AvoidHazards"));
        await test.RunAsync();
    }

    private static DiagnosticResult Open(string text, string declaration, string name)
    {
        var at = text.IndexOf(declaration, System.StringComparison.Ordinal);
        Assert.True(at >= 0, $"LearnerPreferences.cs no longer declares '{declaration}'");
        at += declaration.Length - name.Length;
        var line = text.Take(at).Count(c => c == '\n');
        var column = at - (text.LastIndexOf('\n', at - 1) + 1);
        return Verify.Diagnostic("PAC0008")
            .WithSeverity(DiagnosticSeverity.Info)
            .WithSpan("/QuickStart/Policies/LearnerPreferences.cs", line + 1, column + 1, line + 1, column + 1 + name.Length)
            .WithMessage($"Dimension {name} is open personalisation: no law or organisation tier bounds it");
    }
}
