using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyAsCode.Analyzers.Tests.Infrastructure;

/// <summary>
/// The references every test compilation gets: the .NET 10 reference assemblies and the runtime PolicyAsCode.dll.
/// </summary>
/// <remarks>
/// What works here, checked with the testing packages 1.1.4 on this machine:
/// <list type="bullet">
/// <item><c>ReferenceAssemblies.Net.Net100</c> does not work: resolving it throws
/// <c>KeyNotFoundException: The given key 'Microsoft.NETCore.App.Ref.10.0.1' was not present in the dictionary</c>
/// (ReferenceAssemblies.ResolveCoreAsync). The NuGet client inside the testing package predates net10.0, so this fails
/// even where the NuGet feed is reachable, and offline any reference-assembly package would fail to download anyway.</item>
/// <item><c>new ReferenceAssemblies("net10.0")</c>, naming no package, resolves to zero assemblies and never touches
/// NuGet. It only names the target framework; the assemblies come from <c>Basic.Reference.Assemblies.Net100</c>
/// (metadata already restored with this project), added through <c>TestState.AdditionalReferences</c>. This is what
/// <see cref="PolicyAnalyzerTest"/> and <see cref="PolicyCodeFixTest{TFix}"/> use.</item>
/// </list>
/// The runtime library is a normal project reference of this test project, so its DLL is beside the tests and
/// <c>typeof(PolicyAsCode.PolicyRegistry).Assembly.Location</c> names it; it is added as one more metadata reference.
/// </remarks>
internal static class TestReferences
{
    /// <summary>Names net10.0 without resolving any package (see the remarks).</summary>
    public static ReferenceAssemblies Net100 { get; } = new("net10.0");

    /// <summary>The runtime library: authoring attributes, taxonomy, facts.</summary>
    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(PolicyAsCode.PolicyRegistry).Assembly.Location);

    /// <summary>The framework reference assemblies alone (a compilation that cannot see the authoring attributes).</summary>
    public static ImmutableArray<MetadataReference> Framework { get; } = [.. Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()];

    /// <summary>The framework and the runtime library.</summary>
    public static ImmutableArray<MetadataReference> All { get; } = Framework.Add(Runtime);
}
