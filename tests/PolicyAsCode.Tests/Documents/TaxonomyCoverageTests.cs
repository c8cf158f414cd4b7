using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyAsCode.Documents.Tests.Support;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>
/// Every benefit and risk the SDK ships is linked to at least one dimension or rule of the QuickStart policy (read from
/// its registry) or of the <c>dotnet new policy</c> template (read from its sources as text: they are a template, with
/// <c>#if</c> symbols, not a project this test compiles), so docs/monitoring.md has a dimension to point at for each.
/// </summary>
public sealed partial class TaxonomyCoverageTests
{
    private static readonly string TemplateSources = Path.Combine(RepoPaths.RepoRoot, "templates", "PolicyAsCode.Templates", "content", "policy", "src");

    [Fact]
    public void Every_shipped_benefit_is_linked_in_the_QuickStart_or_the_template()
    {
        var linked = QuickStartBenefits().Union(TemplateBenefits()).ToHashSet();
        var shipped = Enum.GetValues<Benefit>().Where(b => Taxonomy.Describe(b) is not null).ToList();
        Assert.Equal(Taxonomy.Benefits.Length, shipped.Count);
        var missing = shipped.Where(b => !linked.Contains(b)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_shipped_risk_is_linked_in_the_QuickStart_or_the_template()
    {
        var linked = QuickStartRisks().Union(TemplateRisks()).ToHashSet();
        var shipped = Enum.GetValues<Risk>().Where(r => Taxonomy.Describe(r) is not null).ToList();
        Assert.Equal(Taxonomy.Risks.Length, shipped.Count);
        var missing = shipped.Where(r => !linked.Contains(r)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_template_links_the_societal_entries_the_QuickStart_does_not()
    {
        // What this change added: the four entries no sample or template linked before.
        Assert.Contains(Benefit.Pluralism, TemplateLinks<Benefit>(Enables()));
        var risks = TemplateLinks<Risk>(Mitigates()).ToHashSet();
        Assert.Superset(new HashSet<Risk> { Risk.ProfilingAndEssentialism, Risk.UnequalAccess, Risk.Homogenisation }, risks);

        // The reader sees the template's existing links too, in attributes and in Forbid's Mitigates = [...].
        Assert.Contains(Risk.Anthropomorphism, risks);
        Assert.Contains(Risk.MaliciousUse, TemplateLinks<Risk>(MitigatesProperty()));
    }

    /// <summary>The benefits the template's sources link to.</summary>
    internal static IEnumerable<Benefit> TemplateBenefits() => TemplateLinks<Benefit>(Enables());

    /// <summary>The risks the template's sources link to, in attributes and in <c>Mitigates = [...]</c>.</summary>
    internal static IEnumerable<Risk> TemplateRisks() => TemplateLinks<Risk>(Mitigates()).Union(TemplateLinks<Risk>(MitigatesProperty()));

    internal static IEnumerable<Benefit> QuickStartBenefits()
    {
        var registry = LearnerPreferences.Registry;
        return registry.Dimensions.SelectMany(d => d.Enables).Concat(registry.Bounds.SelectMany(b => b.Enables));
    }

    internal static IEnumerable<Risk> QuickStartRisks()
    {
        var registry = LearnerPreferences.Registry;
        return registry.Dimensions.SelectMany(d => d.Mitigates)
            .Concat(registry.Bounds.SelectMany(b => b.Mitigates))
            .Concat(registry.Forbids.SelectMany(f => f.Mitigates.IsDefault ? [] : f.Mitigates));
    }

    // Each Benefit.X or Risk.X inside the pattern's group, over every C# source of the template.
    private static IEnumerable<TEnum> TemplateLinks<TEnum>(Regex attribute)
        where TEnum : struct, Enum
    {
        var files = Directory.GetFiles(TemplateSources, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var prefix = typeof(TEnum).Name + ".";
        foreach (var file in files)
        {
            foreach (Match match in attribute.Matches(File.ReadAllText(file)))
            {
                foreach (Match name in Member().Matches(match.Groups["links"].Value))
                {
                    if (name.Value.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        yield return Enum.Parse<TEnum>(name.Value[prefix.Length..]);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"\[\s*Enables\((?<links>[^)]*)\)\s*\]")]
    private static partial Regex Enables();

    [GeneratedRegex(@"\[\s*Mitigates\((?<links>[^)]*)\)\s*\]")]
    private static partial Regex Mitigates();

    [GeneratedRegex(@"Mitigates\s*=\s*\[(?<links>[^\]]*)\]")]
    private static partial Regex MitigatesProperty();

    [GeneratedRegex(@"\b(?:Benefit|Risk)\.[A-Za-z]+\b")]
    private static partial Regex Member();
}
