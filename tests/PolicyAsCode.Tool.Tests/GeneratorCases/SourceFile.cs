namespace PolicyAsCode.Generators.Tests.Infrastructure;

/// <summary>A source file of a generator test case (the generator tests' own type, for their linked Policies.cs).</summary>
internal sealed record SourceFile(string Path, string Text);
