using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

// The higher tiers' properties read as bounds, defaults and waiver claims, and their [Forbid] hazard rules.
internal sealed partial class PolicyReader
{
    private void ReadTierProperties(DeclaredTier tier, Dictionary<ISymbol, int> tierOf, List<DeclaredTier> tiers)
    {
        foreach (var property in TierProperties(tier.Type))
        {
            var index = _dimensionByName.TryGetValue(property.Name, out var found) ? found : -1;
            var attributes = property.GetAttributes();
            var location = SourceLocation.From(property.Locations.FirstOrDefault());
            if (index < 0)
            {
                // A user-tier property that would be a dimension but for an accessor is reported there (PAC0009);
                // a higher tier bounding it is not a second, misleading problem.
                if (tier.Rank != Ranks.User && HasPolicyAttributes(attributes) && !_blockedDimensions.Contains(property.Name))
                {
                    _problems.Add(Problems.BoundOnNoDimension(tier.Type.Name, property.Name, FullName(tier.Type) + "." + property.Name, location));
                }

                continue;
            }

            var dimension = _dimensions[index];
            if (!SymbolEqualityComparer.Default.Equals(property.Type, _dimensionTypes[index]))
            {
                _problems.Add(Problems.PropertyTypeDiffers(tier.Type.Name, property.Name, property.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), dimension.Name, dimension.TypeName, location));
                continue;
            }

            var enables = TaxonomyLinks(attributes, KnownNames.EnablesAttribute);
            var mitigates = TaxonomyLinks(attributes, KnownNames.MitigatesAttribute);
            foreach (var attribute in attributes)
            {
                ReadBound(tier, dimension, _dimensionTypes[index], attribute, enables, mitigates);
                ReadWaiver(tier, dimension, attribute, tierOf, tiers);
            }

            ReadLearningRules(tier, dimension, _dimensionTypes[index], attributes);

            if (tier.Rank != Ranks.User)
            {
                var initialiser = Initialiser(property);
                if (initialiser is not null)
                {
                    if (TryReadConstant(initialiser, dimension, out var value, out var error))
                    {
                        _defaults.Add(new DefaultModel(tier.Index, dimension.Index, value, SourceLocation.From(initialiser.GetLocation())));
                    }
                    else
                    {
                        _problems.Add(Problems.TierDefaultNotConstant(tier.Type.Name, property.Name, error, SourceLocation.From(initialiser.GetLocation())));
                    }
                }
            }
        }
    }

    private static bool HasPolicyAttributes(System.Collections.Immutable.ImmutableArray<AttributeData> attributes) =>
        attributes.Any(a => KnownNames.Is(a.AttributeClass?.ContainingNamespace, "PolicyAsCode"));

    private void ReadBound(DeclaredTier tier, DimensionModel dimension, ITypeSymbol dimensionType, AttributeData attribute, EquatableArray<int> enables, EquatableArray<int> mitigates)
    {
        var type = attribute.AttributeClass;
        BoundForm form;
        if (KnownNames.Is(type, KnownNames.AtMostAttribute))
        {
            form = BoundForm.AtMost;
        }
        else if (KnownNames.Is(type, KnownNames.AtLeastAttribute))
        {
            form = BoundForm.AtLeast;
        }
        else if (KnownNames.Is(type, KnownNames.BetweenAttribute))
        {
            form = BoundForm.Between;
        }
        else if (KnownNames.Is(type, KnownNames.LockedAttribute))
        {
            form = BoundForm.Locked;
        }
        else if (KnownNames.Is(type, KnownNames.AllowedAttribute))
        {
            form = BoundForm.Allowed;
        }
        else
        {
            return;
        }

        var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
        var source = SourceText(attribute);

        // On the user tier, [Allowed] of a string dimension declares its domain rather than bounding it.
        if (tier.Rank == Ranks.User && form == BoundForm.Allowed && dimension.Kind == DimensionKind.Choice)
        {
            return;
        }

        if (!Lattice.Supports(dimension.Kind, form))
        {
            _problems.Add(Problems.AllowedOnNumber(source, dimension.Name, dimension.TypeName, location));
            return;
        }

        Bound bound;
        DimensionValue first = default;
        var arguments = attribute.ConstructorArguments;
        if (form == BoundForm.Allowed)
        {
            var listed = arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array ? (arguments[0].IsNull ? [] : arguments[0].Values) : arguments;
            var positions = 0UL;
            foreach (var item in listed)
            {
                if (!ConstantEncoder.TryEncode(dimension, dimensionType, item, out var value, out var error))
                {
                    _problems.Add(Problems.BoundValueUnusable(source, dimension.Name, error, location));
                    return;
                }

                positions |= dimension.Kind == DimensionKind.Set ? value.Bits : 1UL << value.Position;
            }

            if (listed.Length == 0)
            {
                _problems.Add(Problems.AllowedNothing(source, dimension.Name, location));
                return;
            }

            bound = dimension.Kind == DimensionKind.Set
                ? Lattice.Build(dimension.Domain, BoundForm.Allowed, DimensionValue.OfMask(positions), default)
                : Lattice.Members(dimension.Domain, positions);
        }
        else
        {
            var expected = form == BoundForm.Between ? 2 : 1;
            if (arguments.Length != expected)
            {
                _problems.Add(Problems.BoundIncomplete(source, dimension.Name, location));
                return;
            }

            if (!ConstantEncoder.TryEncode(dimension, dimensionType, arguments[0], out first, out var error)
                || (expected == 2 && !ConstantEncoder.TryEncode(dimension, dimensionType, arguments[1], out _, out error)))
            {
                _problems.Add(Problems.BoundValueUnusable(source, dimension.Name, error, location));
                return;
            }

            var second = default(DimensionValue);
            if (expected == 2)
            {
                ConstantEncoder.TryEncode(dimension, dimensionType, arguments[1], out second, out _);
            }

            bound = Lattice.Build(dimension.Domain, form, first, second);
            if (Lattice.IsEmpty(bound))
            {
                _problems.Add(Problems.BoundAllowsNoValue(source, dimension.Name, location));
                return;
            }
        }

        if (!TryReadCondition(attribute, new RuleName(tier.Type.Name, source, dimension.Name), hasUnless: true, out var when, out var unless))
        {
            return;
        }

        var waivableBy = (int)NamedUInt(attribute, KnownNames.WaivableBy);
        if (waivableBy != Ranks.None && waivableBy <= tier.Rank)
        {
            _problems.Add(Problems.WaivableByHigherRank(source, tier.Type.Name, waivableBy, location));
            return;
        }

        var reason = attribute.NamedArguments.FirstOrDefault(a => a.Key == KnownNames.Reason).Value.Value as string;
        var firstValue = (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellation) as AttributeSyntax)?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals is null && a.NameColon is null)?.Expression;
        _bounds.Add(new BoundModel(0, dimension.Index, tier.Index, form, bound, when, unless, waivableBy, source, reason, enables, mitigates, location, SourceLocation.From(firstValue?.GetLocation()), form == BoundForm.Allowed ? null : first));
    }

    private void ReadWaiver(DeclaredTier tier, DimensionModel dimension, AttributeData attribute, Dictionary<ISymbol, int> tierOf, List<DeclaredTier> tiers)
    {
        if (!KnownNames.Is(attribute.AttributeClass, KnownNames.WaivesAttribute))
        {
            return;
        }

        var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol target
            || !tierOf.TryGetValue(target, out var waived) || tiers[waived].Rank >= tier.Rank)
        {
            _problems.Add(Problems.WaiverOfNonTier(tier.Type.Name, dimension.Name, location));
            return;
        }

        var delegated = _bounds.Any(b => b.Tier == waived && b.Dimension == dimension.Index && b.WaivableBy == tier.Rank);
        if (!delegated)
        {
            _problems.Add(Problems.WaiverNotDelegated(tier.Type.Name, target.Name, dimension.Name, tier.Rank, location));
        }

        if (!TryReadCondition(attribute, new RuleName(tier.Type.Name, SourceText(attribute), dimension.Name), hasUnless: false, out var when, out _))
        {
            return;
        }

        _waivers.Add(new WaiverModel(0, tier.Index, dimension.Index, waived, when, delegated, location));
    }

    private void ReadForbids(DeclaredTier tier)
    {
        foreach (var attribute in tier.Type.GetAttributes())
        {
            if (!KnownNames.Is(attribute.AttributeClass, KnownNames.ForbidAttribute) || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var raw = attribute.ConstructorArguments[0].Value;
            var hazards = raw is ulong u ? u : raw is null ? 0UL : unchecked((ulong)Convert.ToInt64(raw, System.Globalization.CultureInfo.InvariantCulture));
            var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
            if (hazards == 0)
            {
                _problems.Add(Problems.ForbidsNoHazard(SourceText(attribute), location));
                continue;
            }

            var reason = attribute.NamedArguments.FirstOrDefault(a => a.Key == KnownNames.Reason).Value.Value as string;
            var mitigates = attribute.NamedArguments.FirstOrDefault(a => a.Key == KnownNames.Mitigates).Value;
            var risks = mitigates.Kind == TypedConstantKind.Array && !mitigates.IsNull ? mitigates.Values.Select(v => v.Value).OfType<int>().Distinct().ToEquatableArray() : EquatableArray<int>.Empty;
            if (!TryReadCondition(attribute, new RuleName(tier.Type.Name, SourceText(attribute), null), hasUnless: true, out var when, out var unless))
            {
                continue;
            }

            _forbids.Add(new ForbidModel(0, tier.Index, hazards, when, unless, reason, -1, location, risks));
        }
    }
}
