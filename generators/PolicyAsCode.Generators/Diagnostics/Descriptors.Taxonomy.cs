using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

// Why a dimension exists and who bounds it (PAC0007, PAC0008), and an assembly's own hazards, benefits and risks
// (PAC0013, PAC0015).
internal static partial class Descriptors
{
    // PAC0007
    public static readonly DiagnosticDescriptor NoTaxonomyLink = DiagnosticRules.NoTaxonomyLink.Says("Dimension {0} names no benefit it enables or risk it mitigates; add [Enables(...)] or [Mitigates(...)] so the policy card can say why it exists");

    // PAC0008
    public static readonly DiagnosticDescriptor OpenPersonalisation = DiagnosticRules.OpenPersonalisation.Says("Dimension {0} is open personalisation: no law or organisation tier bounds it");

    // PAC0013
    public static readonly DiagnosticDescriptor HazardCategoryNotConstant = DiagnosticRules.BadHazardCategory.Says("[HazardCategory] needs a hazard bit, a code and a description, each a constant");
    public static readonly DiagnosticDescriptor HazardCategoryNotCustom = DiagnosticRules.BadHazardCategory.Says("[HazardCategory] must name exactly one of Hazard.Custom1 to Hazard.Custom8, not 0x{0}: the shipped categories keep their own codes and descriptions");
    public static readonly DiagnosticDescriptor HazardCategoryNeedsCode = DiagnosticRules.BadHazardCategory.Says("[HazardCategory] of Hazard.Custom{0} needs a code (such as \"X1\") without spaces around it, by which classifiers report it");
    public static readonly DiagnosticDescriptor HazardCategoryNeedsDescription = DiagnosticRules.BadHazardCategory.Says("[HazardCategory] \"{0}\" needs a description: classifiers are told what content falls in the category");
    public static readonly DiagnosticDescriptor HazardCodeOfShippedForm = DiagnosticRules.BadHazardCategory.Says("[HazardCategory] code \"{0}\" has the form of the shipped categories' codes (S1 to S14), which classifiers report for those: choose another, such as \"X{1}\"");
    public static readonly DiagnosticDescriptor HazardBitNamedTwice = DiagnosticRules.BadHazardCategory.Says("[HazardCategory] names Hazard.Custom{0} again (it is \"{1}\" already)");
    public static readonly DiagnosticDescriptor HazardCodeTaken = DiagnosticRules.BadHazardCategory.Says("[HazardCategory] code \"{0}\" is taken by Hazard.Custom{1}: codes are matched without regard to case");

    // PAC0015: {0} is the attribute as written, [BenefitCategory] or [RiskCategory].
    public static readonly DiagnosticDescriptor TaxonomyCategoryNotConstant = DiagnosticRules.BadCustomTaxonomy.Says("{0} needs a {1}, an id, a level, a title and a description, each a constant");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNotCustom = DiagnosticRules.BadCustomTaxonomy.Says("{0} must name one of {1}.Custom1 to {1}.Custom8, not {2}: the shipped {3}s keep their own ids and descriptions");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNeedsLevel = DiagnosticRules.BadCustomTaxonomy.Says("{0} of {1} needs a level, TaxonomyLevel.Individual or TaxonomyLevel.Societal, not {2}");
    public static readonly DiagnosticDescriptor TaxonomyIdForm = DiagnosticRules.BadCustomTaxonomy.Says("{0} of {1} needs a stable id of the form \"{2}.{3}.slug\" at its level, the slug lower-case words joined by hyphens (such as \"{2}.{3}.civic-trust\"), not {4}");
    public static readonly DiagnosticDescriptor TaxonomyIdShipped = DiagnosticRules.BadCustomTaxonomy.Says("{0} id \"{1}\" is a shipped {2}'s: link to the shipped member, or choose another id");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNeedsTitle = DiagnosticRules.BadCustomTaxonomy.Says("{0} \"{1}\" needs a title: cards and settings pages name the {2} by it");
    public static readonly DiagnosticDescriptor TaxonomyCategoryNeedsDescription = DiagnosticRules.BadCustomTaxonomy.Says("{0} \"{1}\" needs a description: cards say in it what the {2} is");
    public static readonly DiagnosticDescriptor TaxonomyMemberNamedTwice = DiagnosticRules.BadCustomTaxonomy.Says("{0} names {1} again (it is \"{2}\" already)");
    public static readonly DiagnosticDescriptor TaxonomyIdTaken = DiagnosticRules.BadCustomTaxonomy.Says("{0} id \"{1}\" is taken by {2}");
    public static readonly DiagnosticDescriptor UndeclaredCustomLink = DiagnosticRules.BadCustomTaxonomy.Says("{0} names {1}.Custom{2}, which no [assembly: {1}Category] declares: declare it with an id, a level, a title and a description");
    public static readonly DiagnosticDescriptor LinkToNoMember = DiagnosticRules.BadCustomTaxonomy.Says("{0} names {1} {2}, which is no {3} of the taxonomy");
}
