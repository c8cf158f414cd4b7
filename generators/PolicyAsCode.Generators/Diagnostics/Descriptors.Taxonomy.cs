using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

// Why a dimension exists and who bounds it (PAC0007, PAC0008), and an assembly's own hazards, benefits and risks
// (PAC0013, PAC0015).
internal static partial class Descriptors
{
    // PAC0007
    public static readonly DiagnosticDescriptor NoTaxonomyLink = Create(DiagnosticIds.NoTaxonomyLink, NoTaxonomyLinkTitle, Taxonomy, DiagnosticSeverity.Warning, !Blocking, "Dimension {0} names no benefit it enables or risk it mitigates; add [Enables(...)] or [Mitigates(...)] so the policy card can say why it exists");

    // PAC0008
    public static readonly DiagnosticDescriptor OpenPersonalisation = Create(DiagnosticIds.OpenPersonalisation, OpenPersonalisationTitle, Bounds, DiagnosticSeverity.Info, !Blocking, "Dimension {0} is open personalisation: no law or organisation tier bounds it");

    // PAC0013
    public static readonly DiagnosticDescriptor HazardCategoryNotConstant = Create(DiagnosticIds.BadHazardCategory, BadHazardCategoryTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "[HazardCategory] needs a hazard bit, a code and a description, each a constant");
    public static readonly DiagnosticDescriptor HazardCategoryNotCustom = Create(DiagnosticIds.BadHazardCategory, BadHazardCategoryTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "[HazardCategory] must name exactly one of Hazard.Custom1 to Hazard.Custom8, not 0x{0}: the shipped categories keep their own codes and descriptions");
    public static readonly DiagnosticDescriptor HazardCategoryNeedsCode = Create(DiagnosticIds.BadHazardCategory, BadHazardCategoryTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "[HazardCategory] of Hazard.Custom{0} needs a code (such as \"X1\") without spaces around it, by which classifiers report it");
    public static readonly DiagnosticDescriptor HazardCategoryNeedsDescription = Create(DiagnosticIds.BadHazardCategory, BadHazardCategoryTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "[HazardCategory] \"{0}\" needs a description: classifiers are told what content falls in the category");
    public static readonly DiagnosticDescriptor HazardCodeOfShippedForm = Create(DiagnosticIds.BadHazardCategory, BadHazardCategoryTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "[HazardCategory] code \"{0}\" has the form of the shipped categories' codes (S1 to S14), which classifiers report for those: choose another, such as \"X{1}\"");
    public static readonly DiagnosticDescriptor HazardBitNamedTwice = Create(DiagnosticIds.BadHazardCategory, BadHazardCategoryTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "[HazardCategory] names Hazard.Custom{0} again (it is \"{1}\" already)");
    public static readonly DiagnosticDescriptor HazardCodeTaken = Create(DiagnosticIds.BadHazardCategory, BadHazardCategoryTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "[HazardCategory] code \"{0}\" is taken by Hazard.Custom{1}: codes are matched without regard to case");

    // PAC0015: {0} is the attribute as written, [BenefitCategory] or [RiskCategory].
    public static readonly DiagnosticDescriptor TaxonomyCategoryNotConstant = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} needs a {1}, an id, a level, a title and a description, each a constant");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNotCustom = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} must name one of {1}.Custom1 to {1}.Custom8, not {2}: the shipped {3}s keep their own ids and descriptions");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNeedsLevel = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} of {1} needs a level, TaxonomyLevel.Individual or TaxonomyLevel.Societal, not {2}");
    public static readonly DiagnosticDescriptor TaxonomyIdForm = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} of {1} needs a stable id of the form \"{2}.{3}.slug\" at its level, the slug lower-case words joined by hyphens (such as \"{2}.{3}.civic-trust\"), not {4}");
    public static readonly DiagnosticDescriptor TaxonomyIdShipped = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} id \"{1}\" is a shipped {2}'s: link to the shipped member, or choose another id");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNeedsTitle = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} \"{1}\" needs a title: cards and settings pages name the {2} by it");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNeedsDescription = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} \"{1}\" needs a description: cards say in it what the {2} is");
    public static readonly DiagnosticDescriptor TaxonomyMemberNamedTwice = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} names {1} again (it is \"{2}\" already)");
    public static readonly DiagnosticDescriptor TaxonomyIdTaken = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} id \"{1}\" is taken by {2}");
    public static readonly DiagnosticDescriptor UndeclaredCustomLink = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} names {1}.Custom{2}, which no [assembly: {1}Category] declares: declare it with an id, a level, a title and a description");
    public static readonly DiagnosticDescriptor LinkToNoMember = Create(DiagnosticIds.BadCustomTaxonomy, BadCustomTaxonomyTitle, Taxonomy, DiagnosticSeverity.Error, Blocking, "{0} names {1} {2}, which is no {3} of the taxonomy");
}
