using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>
/// Issue 15: the policies docs/authoring.md offers to copy build clean. A template project treats warnings as errors,
/// so a PAC0007 (a dimension without a taxonomy link) in a copied policy would fail its first build. The snippets are
/// read from the page as it is, compiled, and analysed; only the open-personalisation infos (PAC0008) may remain.
/// </summary>
public sealed class AuthoringDocsTests
{
    [Theory]
    [InlineData("## The smallest policy")]
    [InlineData("## A complete policy")]
    public async Task The_policy_under_the_heading_compiles_and_raises_no_warning_or_error(string heading)
    {
        var snippet = FirstCSharpBlockUnder(heading);
        var run = await Direct.AnalyseAsync(TestReferences.All, ("/docs/authoring.cs", snippet));

        Assert.Empty(run.Exceptions);
        var compiler = run.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString());
        Assert.Empty(compiler);
        var policy = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(Direct.Describe);
        Assert.Empty(policy);
        Assert.All(run.Diagnostics, d => Assert.Equal("PAC0008", d.Id));
    }

    private static string FirstCSharpBlockUnder(string heading)
    {
        var page = File.ReadAllLines(Path.Combine(Sources.RepoRoot(), "docs", "authoring.md"));
        var at = Array.IndexOf(page, heading);
        Assert.True(at >= 0, $"docs/authoring.md has no '{heading}' heading");
        var open = Array.FindIndex(page, at, l => l == "```csharp");
        var close = Array.FindIndex(page, open + 1, l => l == "```");
        Assert.True(open > at && close > open, $"no C# block under '{heading}'");
        var snippet = string.Join("\n", page[(open + 1)..close]);
        Assert.Contains("[UserTier(", snippet, StringComparison.Ordinal);
        return snippet;
    }
}
