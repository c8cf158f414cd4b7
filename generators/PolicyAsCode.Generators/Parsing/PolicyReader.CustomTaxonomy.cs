using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

// What an assembly declares of its own taxonomy, [BenefitCategory] and [RiskCategory], and the links that use it.
internal sealed partial class PolicyReader
{
    /// <summary>
    /// The assembly's <c>[BenefitCategory]</c>s (<paramref name="kind"/> "benefit") or <c>[RiskCategory]</c>s ("risk"),
    /// declared once for every policy of the assembly as <c>[HazardCategory]</c> is. One that cannot be used as written
    /// (a shipped or undefined member, no level, an id not of the shipped form at its level, a shipped or taken id, no
    /// title or description, a member declared twice with other words) is PAC0015 and blocks every policy: ignoring it
    /// would leave a link the card, the schema and telemetry could only name by its number.
    /// </summary>
    private EquatableArray<TaxonomyModel> ReadCustomTaxonomy(string kind)
    {
        var attributeName = kind == "benefit" ? KnownNames.BenefitCategoryAttribute : KnownNames.RiskCategoryAttribute;
        var written = kind == "benefit" ? "[BenefitCategory]" : "[RiskCategory]";
        var type = kind == "benefit" ? "Benefit" : "Risk";
        var declared = new List<TaxonomyModel>();
        foreach (var attribute in _compilation.Assembly.GetAttributes())
        {
            if (!KnownNames.Is(attribute.AttributeClass, attributeName))
            {
                continue;
            }

            var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length != 5 || arguments.Any(a => a.Kind == TypedConstantKind.Error) || arguments[0].Value is not int member || arguments[2].Value is not int level)
            {
                // The compiler reports an attribute it cannot bind; there is nothing to read.
                _problems.Add(Problems.TaxonomyCategoryNotConstant(written, kind, location));
                continue;
            }

            var id = arguments[1].Value as string;
            var title = arguments[3].Value as string;
            var description = arguments[4].Value as string;
            var name = $"{type}.Custom{TaxonomyIds.CustomNumber(member)}";
            PolicyProblem? problem = null;
            if (!TaxonomyIds.IsCustom(member))
            {
                problem = Problems.TaxonomyCategoryNotCustom(written, type, member, kind, location);
            }
            else if (level is not (0 or 1))
            {
                problem = Problems.TaxonomyCategoryNeedsLevel(written, name, level, location);
            }
            else if (id is null || !TaxonomyIds.IsIdForm(kind, level, id))
            {
                problem = Problems.TaxonomyIdForm(written, name, kind, TaxonomyIds.LevelName(level), Quoted(id), location);
            }
            else if (TaxonomyIds.IsShippedId(id))
            {
                problem = Problems.TaxonomyIdShipped(written, id, kind, location);
            }
            else if (string.IsNullOrWhiteSpace(title))
            {
                problem = Problems.TaxonomyCategoryNeedsTitle(written, id, kind, location);
            }
            else if (string.IsNullOrWhiteSpace(description))
            {
                problem = Problems.TaxonomyCategoryNeedsDescription(written, id, kind, location);
            }
            else if (declared.Any(d => d.Member == member && d.Id == id && d.Level == level && d.Title == title && d.Description == description))
            {
                // The same declaration written twice (each file of a project may say it) is one.
                continue;
            }
            else if (declared.FirstOrDefault(d => d.Member == member) is { } sameMember)
            {
                problem = Problems.TaxonomyMemberNamedTwice(written, name, sameMember.Id, location);
            }
            else if (declared.FirstOrDefault(d => string.Equals(d.Id, id, System.StringComparison.OrdinalIgnoreCase)) is { } sameId)
            {
                problem = Problems.TaxonomyIdTaken(written, id, $"{type}.Custom{TaxonomyIds.CustomNumber(sameId.Member)}", location);
            }

            if (problem is not null)
            {
                _problems.Add(problem);
                continue;
            }

            declared.Add(new TaxonomyModel(member, id!, level, title!, description!));
        }

        return declared.ToEquatableArray();
    }

    /// <summary>
    /// Every <c>[Enables]</c> and <c>[Mitigates]</c> link names a shipped member or one the assembly declares: a link to
    /// <c>Benefit.Custom3</c> that nothing declares (or to a number no member has) is PAC0015 where the link lands, and
    /// blocks the policy, since its card and telemetry could not say what it means.
    /// </summary>
    private void CheckTaxonomyLinks(
        EquatableArray<DimensionModel> dimensions, EquatableArray<BoundModel> bounds, EquatableArray<ForbidModel> forbids,
        EquatableArray<TaxonomyModel> benefits, EquatableArray<TaxonomyModel> risks)
    {
        // The place a problem is reported at is worded only when there is a problem: this runs for every dimension and
        // bound, and wording each place up front was a string per link list of a policy of thousands of dimensions.
        foreach (var dimension in dimensions)
        {
            if (!AllDeclared(dimension.Enables, "benefit", benefits))
            {
                Links(dimension.Enables, "benefit", benefits, $"dimension {dimension.Name}'s [Enables]", dimension.Location);
            }

            if (!AllDeclared(dimension.Mitigates, "risk", risks))
            {
                Links(dimension.Mitigates, "risk", risks, $"dimension {dimension.Name}'s [Mitigates]", dimension.Location);
            }
        }

        foreach (var bound in bounds)
        {
            if (!AllDeclared(bound.Enables, "benefit", benefits))
            {
                Links(bound.Enables, "benefit", benefits, $"the [Enables] of {bound.Source} on {dimensions[bound.Dimension].Name}", bound.Location);
            }

            if (!AllDeclared(bound.Mitigates, "risk", risks))
            {
                Links(bound.Mitigates, "risk", risks, $"the [Mitigates] of {bound.Source} on {dimensions[bound.Dimension].Name}", bound.Location);
            }
        }

        foreach (var forbid in forbids)
        {
            Links(forbid.Mitigates, "risk", risks, "a [Forbid]'s Mitigates", forbid.Location);
        }
    }

    private void Links(EquatableArray<int> links, string kind, EquatableArray<TaxonomyModel> declared, string where, SourceLocation? location)
    {
        var type = kind == "benefit" ? "Benefit" : "Risk";
        foreach (var number in links)
        {
            if (Declared(number, kind, declared))
            {
                continue;
            }

            _problems.Add(TaxonomyIds.IsCustom(number)
                ? Problems.UndeclaredCustomLink(where, type, TaxonomyIds.CustomNumber(number), location)
                : Problems.LinkToNoMember(where, type, number, kind, location));
        }
    }

    private static bool AllDeclared(EquatableArray<int> links, string kind, EquatableArray<TaxonomyModel> declared)
    {
        foreach (var number in links)
        {
            if (!Declared(number, kind, declared))
            {
                return false;
            }
        }

        return true;
    }

    // A shipped member, or one the assembly declares.
    private static bool Declared(int number, string kind, EquatableArray<TaxonomyModel> declared)
    {
        if (TaxonomyIds.Shipped(kind, number) is not null)
        {
            return true;
        }

        foreach (var d in declared)
        {
            if (d.Member == number)
            {
                return true;
            }
        }

        return false;
    }

    private static string Quoted(string? text) => text is null ? "null" : "\"" + text + "\"";
}
