using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// Every message PolicyAsCode reports, one descriptor per kind of problem, each with the message format its
/// arguments fill. An id may have several: PAC0009 says "must be partial" and "must not be generic" with descriptors
/// of the same id, title, category, severity and help page, written out with each.
/// Problems and findings are built by named factories (<see cref="Problems"/>, and the analysers' <c>Findings</c>)
/// that pick one of these.
/// </summary>
internal static partial class Descriptors
{
    /// <summary>Where the help pages are published; each id's page is <c>{id}.md</c> under it.</summary>
    public const string HelpRoot = "https://github.com/PolicyAsCode/PolicyAsCode/blob/main/docs/diagnostics/";

    private const string Bounds = "PolicyAsCode.Bounds";
    private const string Tiers = "PolicyAsCode.Tiers";
    private const string Taxonomy = "PolicyAsCode.Taxonomy";

    // Ids whose problems can stop the generator cannot be configured: the generator emits nothing for such a policy,
    // and a build that silenced the reason would pass without an evaluator. PAC0004 and PAC0010 also have forms that do
    // not block (a bound no user tier has a dimension for; a claim of an undelegated waiver); an id is configured as a
    // whole, so those are not configurable either.
    private const bool Blocking = true;

    // Each id's title: the heading of its help page and the notes of its release row. Every descriptor of an id is made
    // with the same title, category and severity, written out where it is made so release tracking (RS2000-RS2008)
    // can read them (it follows one call, not two); a test holds the descriptors of each id to one another.
    private const string OverridesHigherBoundTitle = "A lower tier overrides a higher tier's bound";
    private const string BoundHasNoEffectTitle = "A lower tier's bound is wider than a higher tier's";
    private const string WrongHierarchyTitle = "The tier hierarchy is wrong";
    private const string UnmatchedPropertyTitle = "A tier property matches no dimension, or its type differs";
    private const string BoundMisfitTitle = "A bound does not fit its dimension";
    private const string ContradictoryBoundsTitle = "A tier's own bounds contradict each other";
    private const string NoTaxonomyLinkTitle = "A dimension names no benefit or risk";
    private const string OpenPersonalisationTitle = "Open personalisation: no higher tier bounds the dimension";
    private const string NotExtensibleTitle = "The generator cannot extend the tier type";
    private const string UndelegatedWaiverTitle = "A waiver is claimed by a tier the bound does not delegate to";
    private const string OverridesInSomeContextsTitle = "A lower tier overrides a higher tier's bound in some contexts";
    private const string BadHazardCategoryTitle = "A hazard category is not one of the custom hazards, or its code is unusable";
    private const string CappedAvoidListTitle = "A bound caps the hazards a user may ask to avoid";
    private const string BadCustomTaxonomyTitle = "A custom benefit or risk is undeclared, or its declaration is unusable";
    private const string NotADimensionKindTitle = "A user-tier property's type is not a dimension kind";
    private const string TooManyValuesTitle = "A dimension has no values or more than 64";
    private const string TooManyHazardRulesTitle = "A policy has more than 64 hazard rules";
    private const string ReservedMemberNameTitle = "A user-tier member has a name the generated evaluator needs";
    private const string SameJsonNameTitle = "Two dimensions have the same name in preferences JSON";

    private static ImmutableArray<DiagnosticDescriptor> _all;

    /// <summary>
    /// Every descriptor, in id order. Gathered from this class's fields rather than listed by hand, so one cannot be
    /// declared and left out of the analyser's supported diagnostics. (Read on first use, after every part's fields
    /// are set: field initialisers of a partial class run in no defined order across its files.)
    /// </summary>
    public static ImmutableArray<DiagnosticDescriptor> All
    {
        get
        {
            if (_all.IsDefault)
            {
                _all = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                    .Select(f => (DiagnosticDescriptor)f.GetValue(null))
                    .OrderBy(d => d.Id, StringComparer.Ordinal)
                    .ThenBy(d => d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                    .ToImmutableArray();
            }

            return _all;
        }
    }

    private static DiagnosticDescriptor Create(string id, string title, string category, DiagnosticSeverity severity, bool blocking, string message) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description: title + ".", helpLinkUri: HelpRoot + id + ".md",
            customTags: blocking ? [WellKnownDiagnosticTags.NotConfigurable] : []);
}
