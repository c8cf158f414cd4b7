using System.IO;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

public sealed class TextTableTests
{
    [Fact]
    public void Plain_tables_align_columns_and_trim_trailing_spaces()
    {
        var table = new TextTable("a", "long header", "c");
        table.Add("first", "x", string.Empty);
        using var output = new StringWriter();

        table.Write(output, rich: false);

        Assert.Equal("a      long header  c\n-----  -----------  -\nfirst  x\n", output.ToString());
    }

    [Fact]
    public void Rich_tables_are_drawn_by_Spectre_with_the_cells_escaped()
    {
        var table = new TextTable("dimension", "bound");
        table.Add("Topics", "at most {Science}, [markup]");
        using var output = new StringWriter();

        table.Write(output, rich: true);

        Assert.Contains("╭", output.ToString());
        Assert.Contains("[markup]", output.ToString());
    }
}
