using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// Every PolicyAsCode diagnostic id with its title, category and default severity: the table that
/// docs/diagnostics/, AnalyzerReleases.Unshipped.md and every descriptor agree with (a test holds them to it).
/// </summary>
internal static class DiagnosticRules
{
    private const string Bounds = "PolicyAsCode.Bounds";
    private const string Tiers = "PolicyAsCode.Tiers";
    private const string Taxonomy = "PolicyAsCode.Taxonomy";

    public static readonly DiagnosticRule OverridesHigherBound = new(DiagnosticIds.OverridesHigherBound, "A lower tier overrides a higher tier's bound", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticRule BoundHasNoEffect = new(DiagnosticIds.BoundHasNoEffect, "A lower tier's bound is wider than a higher tier's", Bounds, DiagnosticSeverity.Warning);
    public static readonly DiagnosticRule WrongHierarchy = new(DiagnosticIds.WrongHierarchy, "The tier hierarchy is wrong", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule UnmatchedProperty = new(DiagnosticIds.UnmatchedProperty, "A tier property matches no dimension, or its type differs", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule BoundMisfit = new(DiagnosticIds.BoundMisfit, "A bound does not fit its dimension", Bounds, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule ContradictoryBounds = new(DiagnosticIds.ContradictoryBounds, "A tier's own bounds contradict each other", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticRule NoTaxonomyLink = new(DiagnosticIds.NoTaxonomyLink, "A dimension names no benefit or risk", Taxonomy, DiagnosticSeverity.Warning);
    public static readonly DiagnosticRule OpenPersonalisation = new(DiagnosticIds.OpenPersonalisation, "Open personalisation: no higher tier bounds the dimension", Bounds, DiagnosticSeverity.Info);
    public static readonly DiagnosticRule NotExtensible = new(DiagnosticIds.NotExtensible, "The generator cannot extend the tier type", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule UndelegatedWaiver = new(DiagnosticIds.UndelegatedWaiver, "A waiver is claimed by a tier the bound does not delegate to", Bounds, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule OverridesInSomeContexts = new(DiagnosticIds.OverridesInSomeContexts, "A lower tier overrides a higher tier's bound in some contexts", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticRule BadHazardCategory = new(DiagnosticIds.BadHazardCategory, "A hazard category is not one of the custom hazards, or its code is unusable", Taxonomy, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule CappedAvoidList = new(DiagnosticIds.CappedAvoidList, "A bound caps the hazards a user may ask to avoid", Bounds, DiagnosticSeverity.Error);
    public static readonly DiagnosticRule BadCustomTaxonomy = new(DiagnosticIds.BadCustomTaxonomy, "A custom benefit or risk is undeclared, or its declaration is unusable", Taxonomy, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule NotADimensionKind = new(DiagnosticIds.NotADimensionKind, "A user-tier property's type is not a dimension kind", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule TooManyValues = new(DiagnosticIds.TooManyValues, "A dimension has no values or more than 64", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule TooManyHazardRules = new(DiagnosticIds.TooManyHazardRules, "A policy has more than 64 hazard rules", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule ReservedMemberName = new(DiagnosticIds.ReservedMemberName, "A user-tier member has a name the generated evaluator needs", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);
    public static readonly DiagnosticRule SameJsonName = new(DiagnosticIds.SameJsonName, "Two dimensions have the same name in preferences JSON", Tiers, DiagnosticSeverity.Error, blocksGenerator: true);

    /// <summary>Every id, in id order.</summary>
    public static ImmutableArray<DiagnosticRule> All { get; } =
    [
        OverridesHigherBound, BoundHasNoEffect, WrongHierarchy, UnmatchedProperty, BoundMisfit, ContradictoryBounds, NoTaxonomyLink,
        OpenPersonalisation, NotExtensible, UndelegatedWaiver, OverridesInSomeContexts, BadHazardCategory, CappedAvoidList,
        BadCustomTaxonomy, NotADimensionKind, TooManyValues, TooManyHazardRules, ReservedMemberName, SameJsonName,
    ];
}
