using System.Collections.Generic;
using System.IO;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

[Collection(PolicyAssembliesCollection.Name)]
public sealed class ErrorTests(PolicyAssemblies policies)
{
    private const string SecondPolicy = """
        using PolicyAsCode;

        namespace Second;

        public enum Maturity { General, Teen, Mature }

        [ImmutableTier("UK")]
        public partial record UkLaw
        {
            [AtMost(Maturity.Mature, Reason = "law")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [OrganisationTier("acme", Within = [typeof(UkLaw)])]
        public partial record Acme
        {
            [AtMost(Maturity.Teen, Reason = "org")] [Mitigates(Risk.ManipulationOfTheVulnerable)]
            public Maturity Maturity { get; init; }
        }

        [UserTier(Within = [typeof(Acme)])]
        public partial record Prefs
        {
            [Enables(Benefit.Autonomy)]
            public Maturity Maturity { get; init; } = Maturity.General;
        }
        """;

    private static void AssertBadInput(PacRun run, params string[] fragments)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        var line = run.Error.TrimEnd('\n');
        Assert.DoesNotContain("\n", line);
        Assert.DoesNotContain("   at ", line);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, line);
        }
    }

    private string TwoPolicies()
    {
        var sources = new Dictionary<string, string>(PolicyAssemblies.QuickStartSources()) { ["Second.cs"] = SecondPolicy };
        return policies.Custom("TwoPolicies", sources);
    }

    [Fact]
    public void Missing_file() =>
        AssertBadInput(PacRun.Of("card", Path.Combine(policies.Folder, "nowhere.dll")), "nowhere.dll", "no such file");

    [Fact]
    public void Text_file_renamed_dll()
    {
        var path = Path.Combine(policies.Folder, "notes.dll");
        File.WriteAllText(path, "not an assembly\n");

        AssertBadInput(PacRun.Of("schema", path), "notes.dll", "not a .NET assembly");
    }

    [Fact]
    public void Assembly_without_a_policy() =>
        AssertBadInput(
            PacRun.Of("card", policies.Custom("NoPolicy", new Dictionary<string, string> { ["Nothing.cs"] = "namespace Nothing; public sealed class Plain { }" })),
            "holds no policy", "IUserTierPolicy");

    [Fact]
    public void Two_policies_without_policy_option_lists_them() =>
        AssertBadInput(PacRun.Of("card", TwoPolicies()), "several policies", "--policy", "QuickStart.Policies.LearnerPreferences", "Second.Prefs");

    [Fact]
    public void Two_policies_with_policy_option_reads_the_one_named()
    {
        var simple = PacRun.Of("schema", TwoPolicies(), "--policy", "Prefs", "-j", "UK");
        var full = PacRun.Of("card", TwoPolicies(), "--policy", "QuickStart.Policies.LearnerPreferences", "-j", "EU");

        Assert.True(simple.ExitCode == 0, simple.ToString());
        Assert.Contains("Second.Prefs", simple.Output);
        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.Contains("## In EU", full.Output);
    }

    [Fact]
    public void Assembly_whose_types_cannot_load_is_bad_input()
    {
        // Broken.dll derives a type from Dependency.dll, which is not beside it. pac reads metadata only, so the missing
        // dependency does not matter; Broken.dll holds no policy, which is bad input.
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var dependency = CSharpCompilation.Create("Dependency", [CSharpSyntaxTree.ParseText("namespace Dep; public class Base { }")], Net100.References.All, options);
        using var image = new MemoryStream();
        Assert.True(dependency.Emit(image).Success);
        var broken = CSharpCompilation.Create(
            "Broken", [CSharpSyntaxTree.ParseText("namespace Broken; public sealed class Derived : Dep.Base { }")],
            [.. Net100.References.All, MetadataReference.CreateFromImage(image.ToArray())], options);
        var directory = Directory.CreateDirectory(Path.Combine(policies.Folder, "Broken")).FullName;
        var path = Path.Combine(directory, "Broken.dll");
        Assert.True(broken.Emit(path).Success);

        AssertBadInput(PacRun.Of("card", path), "Broken.dll", "holds no policy");
    }

    [Fact]
    public void Unknown_policy_lists_the_known_ones() =>
        AssertBadInput(PacRun.Of("card", TwoPolicies(), "--policy", "Nope"), "no policy named Nope", "Second.Prefs");

    [Fact]
    public void Unknown_jurisdiction_lists_the_known_ones()
    {
        AssertBadInput(PacRun.Of("card", policies.QuickStart, "--jurisdiction", "FR"), "unknown jurisdiction FR", "EU, US");
        AssertBadInput(PacRun.Of("schema", policies.QuickStart, "--jurisdiction", "FR"), "unknown jurisdiction FR", "EU, US");
    }

    [Fact]
    public void Unknown_format_command_or_missing_argument_is_bad_input()
    {
        AssertBadInput(PacRun.Of("card", policies.QuickStart, "--format", "pdf"), "pdf", "pac --help");
        AssertBadInput(PacRun.Of("frobnicate"), "frobnicate", "pac --help");
        AssertBadInput(PacRun.Of("diff", policies.QuickStart), "pac --help");
        AssertBadInput(PacRun.Of(), "pac --help");
    }

    [Fact]
    public void Diff_of_a_missing_file_is_bad_input() =>
        AssertBadInput(PacRun.Of("diff", policies.QuickStart, Path.Combine(policies.Folder, "gone.dll")), "gone.dll", "no such file");
}
