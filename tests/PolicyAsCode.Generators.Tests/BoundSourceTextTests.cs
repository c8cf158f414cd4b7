using System.Linq;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// A bound's source text (what explanations, the registry and the card quote) as the reader writes it from the file: the
/// attribute's name and positional arguments, each run of white space as one space, named arguments left out,
/// comments inside an argument kept as written (those around it are not part of it).
/// </summary>
public sealed class BoundSourceTextTests
{
    [Fact]
    public void Arguments_over_several_lines_read_as_one_line()
    {
        var model = GeneratorHarness.Read(GeneratorHarness.Compile([new SourceFile("Spread.cs", """
            using System;
            using PolicyAsCode;

            namespace Spread;

            [Flags]
            public enum Topics { None = 0, Science = 1, History = 2, Health = 4 }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(  Topics.Science
                        |	/* no health */ Topics.History   /* trailing, not part of it */ ,
                    Reason = "kept narrow")]
                public Topics Topics { get; init; }

                [Between(
                    0,
                    30)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Topics Topics { get; init; } = Topics.Science;

                public int MemoryDays { get; init; }
            }
            """)]), "Spread.Prefs");

        Assert.Empty(model.Problems);
        Assert.Equal(
            ["AtMost(Topics.Science | /* no health */ Topics.History)", "Between(0, 30)"],
            model.Bounds.Select(b => b.Source));
    }
}
