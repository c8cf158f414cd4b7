using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

// What an assembly declares of its own taxonomy, [BenefitCategory] and [RiskCategory], and the links that use it.
internal sealed partial class PolicyReader
{
    private const string CustomTaxonomyId = "PAC0015";

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
                _problems.Add(new PolicyProblem(CustomTaxonomyId, $"{written} needs a {kind}, an id, a level, a title and a description, each a constant", location, true));
                continue;
            }

            var id = arguments[1].Value as string;
            var title = arguments[3].Value as string;
            var description = arguments[4].Value as string;
            var name = $"{type}.Custom{TaxonomyIds.CustomNumber(member)}";
            string? problem = null;
            if (!TaxonomyIds.IsCustom(member))
            {
                problem = $"{written} must name one of {type}.Custom1 to {type}.Custom8, not {member}: the shipped {kind}s keep their own ids and descriptions";
            }
            else if (level is not (0 or 1))
            {
                problem = $"{written} of {name} needs a level, TaxonomyLevel.Individual or TaxonomyLevel.Societal, not {level}";
            }
            else if (id is null || !TaxonomyIds.IsIdForm(kind, level, id))
            {
                problem = $"{written} of {name} needs a stable id of the form \"{kind}.{TaxonomyIds.LevelName(level)}.slug\" at its level, "
                    + $"the slug lower-case words joined by hyphens (such as \"{kind}.{TaxonomyIds.LevelName(level)}.civic-trust\"), not {Quoted(id)}";
            }
            else if (TaxonomyIds.IsShippedId(id))
            {
                problem = $"{written} id \"{id}\" is a shipped {kind}'s: link to the shipped member, or choose another id";
            }
            else if (string.IsNullOrWhiteSpace(title))
            {
                problem = $"{written} \"{id}\" needs a title: cards and settings pages name the {kind} by it";
            }
            else if (string.IsNullOrWhiteSpace(description))
            {
                problem = $"{written} \"{id}\" needs a description: cards say in it what the {kind} is";
            }
            else if (declared.Any(d => d.Member == member && d.Id == id && d.Level == level && d.Title == title && d.Description == description))
            {
                // The same declaration written twice (each file of a project may say it) is one.
                continue;
            }
            else if (declared.FirstOrDefault(d => d.Member == member) is { } sameMember)
            {
                problem = $"{written} names {name} again (it is \"{sameMember.Id}\" already)";
            }
            else if (declared.FirstOrDefault(d => string.Equals(d.Id, id, System.StringComparison.OrdinalIgnoreCase)) is { } sameId)
            {
                problem = $"{written} id \"{id}\" is taken by {type}.Custom{TaxonomyIds.CustomNumber(sameId.Member)}";
            }

            if (problem is not null)
            {
                _problems.Add(new PolicyProblem(CustomTaxonomyId, problem, location, true));
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
        foreach (var dimension in dimensions)
        {
            Links(dimension.Enables, "benefit", benefits, $"dimension {dimension.Name}'s [Enables]", dimension.Location);
            Links(dimension.Mitigates, "risk", risks, $"dimension {dimension.Name}'s [Mitigates]", dimension.Location);
        }

        foreach (var bound in bounds)
        {
            var dimension = dimensions[bound.Dimension].Name;
            Links(bound.Enables, "benefit", benefits, $"the [Enables] of {bound.Source} on {dimension}", bound.Location);
            Links(bound.Mitigates, "risk", risks, $"the [Mitigates] of {bound.Source} on {dimension}", bound.Location);
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
            if (TaxonomyIds.Shipped(kind, number) is not null || declared.Any(d => d.Member == number))
            {
                continue;
            }

            _problems.Add(new PolicyProblem(
                CustomTaxonomyId,
                TaxonomyIds.IsCustom(number)
                    ? $"{where} names {type}.Custom{TaxonomyIds.CustomNumber(number)}, which no [assembly: {type}Category] declares: declare it with an id, a level, a title and a description"
                    : $"{where} names {type} {number}, which is no {kind} of the taxonomy",
                location,
                true));
        }
    }

    private static string Quoted(string? text) => text is null ? "null" : "\"" + text + "\"";
}
