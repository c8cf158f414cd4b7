using System;
using System.IO;
using System.Linq;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// docs/generated-code.md shows "the real generated code, abridged": every line of its excerpt but the <c>// …</c>
/// marks must be a line of the QuickStart's generated evaluator, in the same order, so the page cannot drift from
/// what the generator writes.
/// </summary>
public sealed class GeneratedCodeDocsTests
{
    [Fact]
    public void The_excerpt_on_the_generated_code_page_is_the_QuickStart_evaluator_abridged()
    {
        var page = File.ReadAllLines(Path.Combine(RepoPaths.RepoRoot, "docs", "generated-code.md"));
        var heading = Array.FindIndex(page, l => l.StartsWith("## Excerpt", StringComparison.Ordinal));
        Assert.True(heading >= 0, "docs/generated-code.md has no '## Excerpt' section");
        var open = Array.FindIndex(page, heading, l => l == "```csharp");
        var close = Array.FindIndex(page, open + 1, l => l == "```");
        var excerpt = page[(open + 1)..close].Where(l => l.Trim().Length > 0 && l.Trim() != "// …").ToList();
        Assert.True(excerpt.Count > 40, $"the excerpt has only {excerpt.Count} lines");

        var generated = File.ReadAllLines(Directory.GetFiles(Path.Combine(RepoPaths.Snapshots, "QuickStart"), "*.Policy.g.cs").Single());
        var at = 0;
        foreach (var line in excerpt)
        {
            var found = Array.IndexOf(generated, line, at);
            Assert.True(found >= 0, $"docs/generated-code.md shows a line the generator does not write (after line {at} of the snapshot):\n{line}");
            at = found + 1;
        }
    }
}
