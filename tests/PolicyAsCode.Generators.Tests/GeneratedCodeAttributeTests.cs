using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// Every generated type says it is generated, and by which version of the generator: the generator assembly's own
/// informational version, not a number written by hand.
/// </summary>
public sealed class GeneratedCodeAttributeTests
{
    private static string GeneratorVersion()
    {
        var version = typeof(PolicyGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }

    [Fact]
    public void The_version_is_the_generator_assembly_s_own()
    {
        var version = GeneratorVersion();
        var assemblyVersion = typeof(PolicyGenerator).Assembly.GetName().Version!;

        // The informational version starts with the assembly's major.minor.patch (0.1.0 and 0.1.0.0).
        Assert.StartsWith($"{assemblyVersion.Major}.{assemblyVersion.Minor}.{assemblyVersion.Build}", version, StringComparison.Ordinal);
        Assert.Equal(version, Emitting.GeneratedFile.Version);
        Assert.Contains($"\"PolicyAsCode.Generators\", \"{version}\")]", Emitting.GeneratedFile.GeneratedCode, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SnapshotTests.Cases), MemberType = typeof(SnapshotTests))]
    public void Every_generated_type_carries_GeneratedCode_with_that_version(string name)
    {
        var expected = $"global::System.CodeDom.Compiler.GeneratedCode(\"PolicyAsCode.Generators\", \"{GeneratorVersion()}\")";
        var outcome = GeneratorHarness.Run(SnapshotTests.PolicyCases[name].Sources());
        var types = 0;
        foreach (var (hintName, text) in outcome.Sources)
        {
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => !IsContainingType(t)))
            {
                types++;
                if (Marked(type.AttributeLists))
                {
                    continue;
                }

                // The user's record takes the attribute once, in the evaluator's file; the JSON file marks its members.
                Assert.True(hintName.EndsWith(".PreferencesJson.g.cs", StringComparison.Ordinal), $"{type.Identifier} in {hintName} has no [GeneratedCode]");
                var members = type.Members.OfType<MethodDeclarationSyntax>().ToList();
                Assert.NotEmpty(members);
                Assert.All(members, m => Assert.True(Marked(m.AttributeLists), $"{type.Identifier}.{m.Identifier} in {hintName} has no [GeneratedCode]"));
            }
        }

        // The record, PolicyTables, its Scope and the JSON schema, at least.
        Assert.True(types >= 4, $"only {types} generated types were found");

        bool Marked(SyntaxList<AttributeListSyntax> lists) =>
            lists.SelectMany(l => l.Attributes).Any(a => a.ToString() == expected);
    }

    // The namespace's enclosing types (partial class Outer) are the user's, reopened only to reach the record.
    private static bool IsContainingType(TypeDeclarationSyntax type) =>
        type.Members.OfType<TypeDeclarationSyntax>().Any() && type.Modifiers.Any(SyntaxKind.PartialKeyword) && type is not RecordDeclarationSyntax && !type.Identifier.Text.Equals("PolicyTables", StringComparison.Ordinal);
}
