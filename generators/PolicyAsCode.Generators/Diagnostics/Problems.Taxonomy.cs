using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

// PAC0013 and PAC0015: an assembly's own hazard categories, benefits and risks, and links to them. Each blocks every
// policy of the assembly. `attribute` is the attribute as written, [BenefitCategory] or [RiskCategory]; `kind` is
// "benefit" or "risk" and `type` its enum, Benefit or Risk.
internal static partial class Problems
{
    public static PolicyProblem HazardCategoryNotConstant(SourceLocation? location) =>
        Blocks(Descriptors.HazardCategoryNotConstant, location);

    public static PolicyProblem HazardCategoryNotCustom(ulong bit, SourceLocation? location) =>
        Blocks(Descriptors.HazardCategoryNotCustom, location, bit.ToString("X", System.Globalization.CultureInfo.InvariantCulture));

    public static PolicyProblem HazardCategoryNeedsCode(int custom, SourceLocation? location) =>
        Blocks(Descriptors.HazardCategoryNeedsCode, location, Number(custom));

    public static PolicyProblem HazardCategoryNeedsDescription(string code, SourceLocation? location) =>
        Blocks(Descriptors.HazardCategoryNeedsDescription, location, code);

    public static PolicyProblem HazardCodeOfShippedForm(string code, int custom, SourceLocation? location) =>
        Blocks(Descriptors.HazardCodeOfShippedForm, location, code, Number(custom));

    public static PolicyProblem HazardBitNamedTwice(int custom, string firstCode, SourceLocation? location) =>
        Blocks(Descriptors.HazardBitNamedTwice, location, Number(custom), firstCode);

    public static PolicyProblem HazardCodeTaken(string code, int takenBy, SourceLocation? location) =>
        Blocks(Descriptors.HazardCodeTaken, location, code, Number(takenBy));

    public static PolicyProblem TaxonomyCategoryNotConstant(string attribute, string kind, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyCategoryNotConstant, location, attribute, kind);

    public static PolicyProblem TaxonomyCategoryNotCustom(string attribute, string type, int member, string kind, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyCategoryNotCustom, location, attribute, type, Number(member), kind);

    public static PolicyProblem TaxonomyCategoryNeedsLevel(string attribute, string member, int level, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyCategoryNeedsLevel, location, attribute, member, Number(level));

    /// <summary>An id not of the form <c>kind.level.slug</c>; <paramref name="written"/> is the id as C# would show it, or <c>null</c>.</summary>
    public static PolicyProblem TaxonomyIdForm(string attribute, string member, string kind, string level, string written, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyIdForm, location, attribute, member, kind, level, written);

    public static PolicyProblem TaxonomyIdShipped(string attribute, string id, string kind, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyIdShipped, location, attribute, id, kind);

    public static PolicyProblem TaxonomyCategoryNeedsTitle(string attribute, string id, string kind, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyCategoryNeedsTitle, location, attribute, id, kind);

    public static PolicyProblem TaxonomyCategoryNeedsDescription(string attribute, string id, string kind, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyCategoryNeedsDescription, location, attribute, id, kind);

    public static PolicyProblem TaxonomyMemberNamedTwice(string attribute, string member, string firstId, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyMemberNamedTwice, location, attribute, member, firstId);

    public static PolicyProblem TaxonomyIdTaken(string attribute, string id, string takenBy, SourceLocation? location) =>
        Blocks(Descriptors.TaxonomyIdTaken, location, attribute, id, takenBy);

    /// <summary>A link (<paramref name="where"/>: "dimension Tone's [Enables]") to a custom member nothing declares.</summary>
    public static PolicyProblem UndeclaredCustomLink(string where, string type, int custom, SourceLocation? location) =>
        Blocks(Descriptors.UndeclaredCustomLink, location, where, type, Number(custom));

    /// <summary>A link to a number that is no member of the taxonomy at all.</summary>
    public static PolicyProblem LinkToNoMember(string where, string type, int number, string kind, SourceLocation? location) =>
        Blocks(Descriptors.LinkToNoMember, location, where, type, Number(number), kind);
}
