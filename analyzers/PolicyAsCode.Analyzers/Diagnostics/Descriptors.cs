using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Analyzers.Diagnostics;

/// <summary>Every diagnostic PolicyAsCode reports, in one place, each with a help page under docs/diagnostics/.</summary>
internal static class Descriptors
{
    public const string HelpRoot = "https://github.com/PolicyAsCode/PolicyAsCode/blob/main/docs/diagnostics/";

    private const string Bounds = "PolicyAsCode.Bounds";
    private const string Tiers = "PolicyAsCode.Tiers";
    private const string TaxonomyCategory = "PolicyAsCode.Taxonomy";

    // Ids whose problems stop the generator (PolicyProblem.BlocksEmission) cannot be configured: the generator emits
    // nothing for such a policy, and a build that silenced the reason would pass without an evaluator. PAC0004 and
    // PAC0010 also have forms that do not block (a bound no user tier has a dimension for; a claim of an undelegated
    // waiver); an id is configured as a whole, so those are not configurable either.
    private static readonly string[] Blocking = [WellKnownDiagnosticTags.NotConfigurable];

    public static readonly DiagnosticDescriptor Override = Create("PAC0001", "A lower tier overrides a higher tier's bound", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor NoEffect = Create("PAC0002", "A lower tier's bound is wider than a higher tier's", Bounds, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor Hierarchy = Create("PAC0003", "The tier hierarchy is wrong", Tiers, DiagnosticSeverity.Error, Blocking);
    public static readonly DiagnosticDescriptor Unmatched = Create("PAC0004", "A tier property matches no dimension, or its type differs", Tiers, DiagnosticSeverity.Error, Blocking);
    public static readonly DiagnosticDescriptor Misfit = Create("PAC0005", "A bound does not fit its dimension", Bounds, DiagnosticSeverity.Error, Blocking);
    public static readonly DiagnosticDescriptor Contradiction = Create("PAC0006", "A tier's own bounds contradict each other", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor Unlinked = Create("PAC0007", "A dimension names no benefit or risk", TaxonomyCategory, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor Open = Create("PAC0008", "Open personalisation: no higher tier bounds the dimension", Bounds, DiagnosticSeverity.Info);
    public static readonly DiagnosticDescriptor NotExtensible = Create("PAC0009", "The generator cannot extend the tier type", Tiers, DiagnosticSeverity.Error, Blocking);
    public static readonly DiagnosticDescriptor Undelegated = Create("PAC0010", "A waiver is claimed by a tier the bound does not delegate to", Bounds, DiagnosticSeverity.Error, Blocking);
    public static readonly DiagnosticDescriptor Unsupported = Create("PAC0011", "A dimension's type or size is not supported", Tiers, DiagnosticSeverity.Error, Blocking);
    public static readonly DiagnosticDescriptor ConditionalOverride = Create("PAC0012", "A lower tier overrides a higher tier's bound in some contexts", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor CappedAvoidList = Create("PAC0014", "A bound caps the hazards a user may ask to avoid", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticDescriptor BadHazardCategory = Create("PAC0013", "A hazard category is not one of the custom hazards, or its code is unusable", TaxonomyCategory, DiagnosticSeverity.Error, Blocking);
    public static readonly DiagnosticDescriptor BadCustomTaxonomy = Create("PAC0015", "A custom benefit or risk is undeclared, or its declaration is unusable", TaxonomyCategory, DiagnosticSeverity.Error, Blocking);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        [Override, NoEffect, Hierarchy, Unmatched, Misfit, Contradiction, Unlinked, Open, NotExtensible, Undelegated, Unsupported, ConditionalOverride, BadHazardCategory, CappedAvoidList, BadCustomTaxonomy];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = CreateIndex();

    public static DiagnosticDescriptor For(string id) => ById[id];

    private static Dictionary<string, DiagnosticDescriptor> CreateIndex()
    {
        var index = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in All)
        {
            index[descriptor.Id] = descriptor;
        }

        return index;
    }

    private static DiagnosticDescriptor Create(string id, string title, string category, DiagnosticSeverity severity, params string[] customTags) =>
        new(id, title, "{0}", category, severity, isEnabledByDefault: true, description: title + ".", helpLinkUri: HelpRoot + id + ".md", customTags: customTags);
}
