using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyAsCode.Documents.Tests.Support;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>
/// docs/monitoring.md's map from the taxonomy to the instruments ("Which instruments watch which risk and benefit") is
/// checked against the catalogue and the policies it cites: every shipped benefit and risk has a row, in the section of
/// its level (societal or individual), under its catalogue title; and a row that says an entry is linked in the
/// QuickStart or the template is true of that policy (read as <see cref="TaxonomyCoverageTests"/> reads them).
/// </summary>
public sealed class MonitoringDocsTests
{
    private const string SocietalRisks = "Societal risks";
    private const string SocietalBenefits = "Societal benefits";
    private const string Individual = "Individual risks and benefits, watched at population level";

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Read);

    [Fact]
    public void Every_shipped_entry_has_one_row_in_the_section_of_its_level()
    {
        var expected = Taxonomy.Risks.Select(e => (Section: e.Level == TaxonomyLevel.Societal ? SocietalRisks : Individual, e.Title))
            .Concat(Taxonomy.Benefits.Select(e => (Section: e.Level == TaxonomyLevel.Societal ? SocietalBenefits : Individual, e.Title)))
            .Select(e => $"{e.Section}: {e.Title}")
            .Order(StringComparer.Ordinal);

        var documented = Rows.Value.Select(r => $"{r.Section}: {r.Title}").Order(StringComparer.Ordinal);

        Assert.Equal(expected, documented);
    }

    [Fact]
    public void Each_row_names_a_policy_that_links_the_entry()
    {
        var quickStart = TaxonomyCoverageTests.QuickStartRisks().Select(Entry)
            .Concat(TaxonomyCoverageTests.QuickStartBenefits().Select(Entry)).ToHashSet();
        var template = TaxonomyCoverageTests.TemplateRisks().Select(Entry)
            .Concat(TaxonomyCoverageTests.TemplateBenefits().Select(Entry)).ToHashSet();

        var wrong = new List<string>();
        foreach (var row in Rows.Value)
        {
            var entry = Taxonomy.Risks.Concat(Taxonomy.Benefits).Single(e => e.Title == row.Title);
            var inQuickStart = row.LinkedIn.Contains("QuickStart", StringComparison.Ordinal);
            var inTemplate = row.LinkedIn.Contains("template", StringComparison.Ordinal);
            if (!inQuickStart && !inTemplate)
            {
                wrong.Add($"{row.Title}: names neither the QuickStart nor the template");
            }

            if (inQuickStart && !quickStart.Contains(entry.Id))
            {
                wrong.Add($"{row.Title}: the QuickStart does not link it");
            }

            if (inTemplate && !template.Contains(entry.Id))
            {
                wrong.Add($"{row.Title}: the template does not link it");
            }
        }

        Assert.Empty(wrong);
    }

    private static string Entry(Risk risk) => Taxonomy.Describe(risk)!.Id;

    private static string Entry(Benefit benefit) => Taxonomy.Describe(benefit)!.Id;

    // The rows of the three tables under "## Which instruments watch which risk and benefit"; a row naming several
    // entries ("Efficiency, Learning (benefits)") gives one row per entry.
    private static List<Row> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.RepoRoot, "docs", "monitoring.md"));
        var start = Array.IndexOf(lines, "## Which instruments watch which risk and benefit");
        Assert.True(start >= 0, "docs/monitoring.md has no section mapping the taxonomy to the instruments");
        var rows = new List<Row>();
        string? section = null;
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line[4..];
            }
            else if (section is not null && line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| entry |", StringComparison.Ordinal)
                && !line.StartsWith("| risk |", StringComparison.Ordinal) && !line.StartsWith("| benefit |", StringComparison.Ordinal))
            {
                var cells = line.Split('|', StringSplitOptions.TrimEntries);
                var names = cells[1];
                var open = names.IndexOf(" (", StringComparison.Ordinal);
                names = open >= 0 ? names[..open] : names;
                rows.AddRange(names.Split(", ").Select(n => new Row(section, n, cells[2])));
            }
        }

        return rows;
    }

    private sealed record Row(string Section, string Title, string LinkedIn);
}
