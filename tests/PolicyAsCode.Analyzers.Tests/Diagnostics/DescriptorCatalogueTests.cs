using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Analyzers.Tests.Infrastructure;
using PolicyAsCode.Generators.Diagnostics;
using Xunit;

namespace PolicyAsCode.Analyzers.Tests.Diagnostics;

/// <summary>
/// Issue 15: every descriptor, the analysers' and the generator's alike (they are one table, compiled into both),
/// has its help page, a help link pointing at it, its release-tracking row and its row in the index; the
/// descriptors of one id agree; every message format takes the arguments its factory gives.
/// </summary>
public sealed partial class DescriptorCatalogueTests
{
    private static readonly string Root = Sources.RepoRoot();

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Root, .. path])).ReplaceLineEndings("\n");

    [Fact]
    public void Every_descriptor_has_its_page_help_link_release_row_and_index_row()
    {
        var unshipped = Read("analyzers", "PolicyAsCode.Analyzers", "AnalyzerReleases.Unshipped.md");
        var index = Read("docs", "diagnostics", "README.md");
        Assert.NotEmpty(Descriptors.All);
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Equal($"https://github.com/PolicyAsCode/PolicyAsCode/blob/main/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(Root, "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page at docs/diagnostics/{descriptor.Id}.md");
            Assert.StartsWith($"# {descriptor.Id}: {descriptor.Title}\n", Read("docs", "diagnostics", descriptor.Id + ".md"), StringComparison.Ordinal);
            Assert.Contains($"\n{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}\n", unshipped, StringComparison.Ordinal);
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title} |", index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_release_row_and_every_id_constant_has_a_descriptor()
    {
        var ids = Descriptors.All.Select(d => d.Id).ToHashSet();
        var rows = RuleRow().Matches(Read("analyzers", "PolicyAsCode.Analyzers", "AnalyzerReleases.Unshipped.md")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));

        var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(constants.Count, constants.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), constants.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_descriptors_of_one_id_agree_and_the_analyser_supports_them_all()
    {
        foreach (var group in Descriptors.All.GroupBy(d => d.Id))
        {
            var first = group.First();
            Assert.All(group, d =>
            {
                Assert.Equal(first.Title.ToString(CultureInfo.InvariantCulture), d.Title.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(first.Category, d.Category);
                Assert.Equal(first.DefaultSeverity, d.DefaultSeverity);
                Assert.Equal(first.CustomTags, d.CustomTags);
                Assert.Equal(first.HelpLinkUri, d.HelpLinkUri);
            });
            Assert.Equal(group.Count(), group.Select(d => d.MessageFormat.ToString(CultureInfo.InvariantCulture)).Distinct().Count());
        }

        Assert.Equal(Descriptors.All, new PolicyAnalyzer().SupportedDiagnostics);
    }

    [Fact]
    public void Every_message_format_numbers_its_arguments_from_zero_without_gaps_or_stray_braces()
    {
        foreach (var descriptor in Descriptors.All)
        {
            var format = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            var used = Placeholder().Matches(format).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();
            Assert.Equal(Enumerable.Range(0, used.Count), used);
            var filled = string.Format(CultureInfo.InvariantCulture, format, used.Select(i => (object)$"<{i}>").ToArray());
            Assert.DoesNotContain("{", filled, StringComparison.Ordinal);
            Assert.DoesNotContain("}", filled, StringComparison.Ordinal);
            Assert.Equal(filled.Trim(), filled);
        }
    }

    [Fact]
    public void The_page_of_a_retired_id_names_the_ids_it_became()
    {
        Assert.DoesNotContain(Descriptors.All, d => d.Id == "PAC0011");
        var page = Read("docs", "diagnostics", "PAC0011.md");
        Assert.Contains("split", page, StringComparison.Ordinal);
        foreach (var id in new[] { DiagnosticIds.NotADimensionKind, DiagnosticIds.TooManyValues, DiagnosticIds.TooManyHazardRules, DiagnosticIds.ReservedMemberName, DiagnosticIds.SameJsonName })
        {
            Assert.Contains($"[{id}]({id}.md)", page, StringComparison.Ordinal);
        }

        Assert.Contains("[PAC0011](PAC0011.md)", Read("docs", "diagnostics", "README.md"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(PAC\d{4}) \|", RegexOptions.Multiline)]
    private static partial Regex RuleRow();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
