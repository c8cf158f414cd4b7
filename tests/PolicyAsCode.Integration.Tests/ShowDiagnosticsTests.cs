using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PolicyAsCode.Integration.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Integration.Tests;

/// <summary>
/// Issue 15: <c>dotnet build samples/QuickStart -p:ShowDiagnostics=true</c> prints every diagnostic its showcase
/// raises. It used to print only the generator's three blocking errors: the compiler stops after a generator error,
/// before the analysers run, and the one info (PAC0008) is not printed at the default verbosity either.
/// </summary>
public sealed partial class ShowDiagnosticsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_showcase_build_prints_every_diagnostic_its_comments_name()
    {
        var showcase = Path.Combine(RepoPaths.QuickStart, "Showcase", "EveryDiagnostic.cs");
        var named = NamedId().Matches(File.ReadAllText(showcase)).Select(m => m.Value).ToHashSet();
        Assert.True(named.Count >= 15, $"the showcase names only {string.Join(", ", named)}");

        // The referenced projects were built with this test project, in its configuration; the child build only reads
        // their outputs, so it rebuilds none of them.
        var run = await DotnetCli.RunAsync(
            RepoPaths.QuickStart,
            ["build", "-nologo", "-c", RepoPaths.Configuration, "-p:ShowDiagnostics=true", "-p:UseSharedCompilation=false", "-p:BuildProjectReferences=false", "-nodeReuse:false"],
            TimeSpan.FromMinutes(10));
        output.WriteLine($"dotnet build exited with {run.ExitCode}:{Environment.NewLine}{run.Output}");

        Assert.NotEqual(0, run.ExitCode);
        var printed = Printed().Matches(run.Output)
            .Where(m => m.Groups["file"].Value.EndsWith("EveryDiagnostic.cs", StringComparison.Ordinal))
            .Select(m => m.Groups["id"].Value)
            .ToHashSet();
        Assert.Equal(named.Order(StringComparer.Ordinal), printed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("error CS", run.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"PAC\d{4}")]
    private static partial Regex NamedId();

    [GeneratedRegex(@"^\s*(?<file>[^\r\n(]+)\(\d+,\d+\): (?:error|warning) (?<id>PAC\d{4}):", RegexOptions.Multiline)]
    private static partial Regex Printed();
}
