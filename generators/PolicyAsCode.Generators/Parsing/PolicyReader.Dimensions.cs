using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Json;

namespace PolicyAsCode.Generators.Parsing;

// The user tier's properties read as dimensions: kinds, members in order, domains, defaults.
internal sealed partial class PolicyReader
{
    private static IEnumerable<IPropertySymbol> TierProperties(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && !p.IsIndexer && !p.IsImplicitlyDeclared && p.Name != "EqualityContract"
            && SyntaxFacts.IsValidIdentifier(p.Name)); // a property whose name the parser made up is the compiler's to report

    private void ReadDimensions(DeclaredTier userTier)
    {
        foreach (var property in TierProperties(userTier.Type))
        {
            if (property.DeclaredAccessibility != Accessibility.Public || property.GetMethod is null || property.SetMethod is null)
            {
                continue;
            }

            // The evaluator reads each dimension and writes it in object initialisers and 'with' expressions, from code
            // outside the author's: a private, protected or internal accessor would fail to compile there (CS0271, CS0272).
            if (property.GetMethod.DeclaredAccessibility != Accessibility.Public || property.SetMethod.DeclaredAccessibility != Accessibility.Public)
            {
                var which = property.GetMethod.DeclaredAccessibility != Accessibility.Public ? "get" : property.SetMethod.IsInitOnly ? "init" : "set";
                var accessor = property.GetMethod.DeclaredAccessibility != Accessibility.Public ? property.GetMethod : property.SetMethod;
                _blockedDimensions.Add(property.Name);
                _problems.Add(Problems.NonPublicAccessor(userTier.Type.Name, property.Name, Describe(accessor.DeclaredAccessibility), which, SourceLocation.From(property.Locations.FirstOrDefault())));
                continue;
            }

            var dimension = ReadDimension(property);
            if (dimension is not null)
            {
                if (!_dimensionByName.ContainsKey(dimension.Name))
                {
                    _dimensionByName[dimension.Name] = _dimensions.Count;
                }

                _dimensions.Add(dimension);
                _dimensionTypes.Add(property.Type);
            }
        }

        // Preferences JSON names a dimension by its camelCased name; two that share one could not both be read.
        var byJsonName = new Dictionary<string, DimensionModel>(StringComparer.Ordinal);
        foreach (var dimension in _dimensions)
        {
            var jsonName = PreferenceNames.JsonName(dimension.Name);
            if (byJsonName.TryGetValue(jsonName, out var first))
            {
                _problems.Add(Problems.SameJsonName(userTier.Type.Name, dimension.Name, first.Name, jsonName, dimension.Location));
            }
            else
            {
                byJsonName[jsonName] = dimension;
            }
        }
    }

    private DimensionModel? ReadDimension(IPropertySymbol property)
    {
        var type = property.Type;
        var location = SourceLocation.From(property.Locations.FirstOrDefault());
        var typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        var typeSyntax = type.SpecialType == SpecialType.None ? "global::" + FullName(type) : type.ToDisplayString();
        DimensionKind kind;
        var members = new List<MemberModel>();
        Bound domain;
        long undefined = 0;

        if (type.SpecialType == SpecialType.System_Boolean)
        {
            kind = DimensionKind.Boolean;
            members.Add(new MemberModel("false", 0));
            members.Add(new MemberModel("true", 1));
            domain = Lattice.BooleanDomain;
        }
        else if (type.SpecialType == SpecialType.System_Int32)
        {
            kind = DimensionKind.Integer;
            domain = Lattice.IntegerDomain;
        }
        else if (type.SpecialType == SpecialType.System_Double)
        {
            kind = DimensionKind.Real;
            domain = Lattice.RealDomain;
        }
        else if (type.SpecialType == SpecialType.System_String)
        {
            kind = DimensionKind.Choice;
            var allowed = property.GetAttributes().FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.AllowedAttribute));
            var values = allowed is null || allowed.ConstructorArguments.Length == 0 || allowed.ConstructorArguments[0].Kind != TypedConstantKind.Array || allowed.ConstructorArguments[0].IsNull ? [] : allowed.ConstructorArguments[0].Values;
            foreach (var item in values)
            {
                if (item.Value is string text && members.All(m => m.Name != text))
                {
                    members.Add(new MemberModel(text, members.Count));
                }
            }

            if (members.Count == 0)
            {
                _problems.Add(Problems.StringDimensionNotListed(property.Name, location));
                return null;
            }

            if (members.Count > Lattice.MaxMembers)
            {
                _problems.Add(Problems.TooManyStringValues(property.Name, members.Count, Lattice.MaxMembers, location));
                return null;
            }

            domain = Lattice.MemberDomain(kind, members.Count);
        }
        else if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            var isFlags = enumType.GetAttributes().Any(a => KnownNames.Is(a.AttributeClass, KnownNames.FlagsAttribute));
            kind = isFlags ? DimensionKind.Set : DimensionKind.Ordinal;
            var fields = enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue)
                .Select((f, i) => (f.Name, Value: f.ConstantValue is ulong u ? unchecked((long)u) : Convert.ToInt64(f.ConstantValue, System.Globalization.CultureInfo.InvariantCulture), i))
                .ToList();
            if (isFlags)
            {
                var mask = 0UL;
                foreach (var field in fields.Where(f => f.Value != 0))
                {
                    members.Add(new MemberModel(field.Name, field.Value));
                    mask |= unchecked((ulong)field.Value);
                }

                domain = Lattice.SetDomain(mask);
            }
            else
            {
                // Ascending in the underlying type's own order: a ulong enum's values above long.MaxValue are stored
                // as negative longs, but come after every smaller value (Top = 0x8000_0000_0000_0000 after One).
                var unsigned = IsUnsigned64(enumType);
                foreach (var field in fields.OrderBy(f => OrderKey(f.Value, unsigned)).ThenBy(f => f.i))
                {
                    if (members.All(m => m.Value != field.Value))
                    {
                        members.Add(new MemberModel(field.Name, field.Value));
                    }
                }

                if (members.Count == 0 || members.Count > Lattice.MaxMembers)
                {
                    _problems.Add(Problems.EnumMemberCount(typeName, property.Name, Lattice.MaxMembers, location));
                    return null;
                }

                undefined = UndefinedValue(enumType, members);
                domain = Lattice.MemberDomain(kind, members.Count);
            }
        }
        else
        {
            _problems.Add(Problems.NotADimensionKind(property.Name, typeName, location));
            return null;
        }

        var attributes = property.GetAttributes();
        var isHazardSet = kind == DimensionKind.Set && typeName == KnownNames.Hazard;
        var dimension = new DimensionModel(
            _dimensions.Count,
            property.Name,
            kind,
            typeSyntax,
            typeName,
            members.ToEquatableArray(),
            domain,
            isHazardSet || attributes.Any(a => KnownNames.Is(a.AttributeClass, KnownNames.HigherIsStricterAttribute)),
            default,
            false,
            attributes.FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.DescribedAttribute))?.ConstructorArguments.FirstOrDefault().Value as string,
            TaxonomyLinks(attributes, KnownNames.EnablesAttribute),
            TaxonomyLinks(attributes, KnownNames.MitigatesAttribute),
            undefined,
            location);

        dimension = dimension with { Instructions = Instructions(property, attributes, dimension, location) };
        var initialiser = Initialiser(property);
        if (initialiser is null)
        {
            return dimension with { Default = TypeDefault(dimension) };
        }

        if (!TryReadConstant(initialiser, dimension, out var value, out var error))
        {
            _problems.Add(Problems.UserDefaultNotConstant(property.Name, error, SourceLocation.From(initialiser.GetLocation())));
            return dimension with { Default = TypeDefault(dimension) };
        }

        return dimension with { Default = value, HasInitialiser = true, DefaultLocation = SourceLocation.From(initialiser.GetLocation()) };
    }

    /// <summary>
    /// An underlying value of <paramref name="enumType"/> that no member has, to stand for an out-of-domain value
    /// when decoding. It must lie inside the underlying type's range: a value past the range wraps around once
    /// cast (256 on a byte enum is 0) and may land on a member, which would read an unreadable value as that member.
    /// </summary>
    private static long UndefinedValue(INamedTypeSymbol enumType, List<MemberModel> members)
    {
        if (IsUnsigned64(enumType))
        {
            // Members are sorted as ulongs (stored reinterpreted as long): work in ulong, whose range is all of it.
            var low = unchecked((ulong)members[0].Value);
            var high = unchecked((ulong)members[members.Count - 1].Value);
            if (high < ulong.MaxValue)
            {
                return unchecked((long)(high + 1));
            }

            if (low > 0)
            {
                return unchecked((long)(low - 1));
            }

            var taken = new HashSet<long>(members.Select(m => m.Value));
            var next = 0UL;
            while (taken.Contains(unchecked((long)next)))
            {
                next++;
            }

            return unchecked((long)next);
        }

        // Members are sorted by value as stored: every other underlying type fits in a long without reinterpretation.
        var (min, max) = enumType.EnumUnderlyingType?.SpecialType switch
        {
            SpecialType.System_SByte => ((long)sbyte.MinValue, (long)sbyte.MaxValue),
            SpecialType.System_Byte => (0L, (long)byte.MaxValue),
            SpecialType.System_Int16 => ((long)short.MinValue, (long)short.MaxValue),
            SpecialType.System_UInt16 => (0L, (long)ushort.MaxValue),
            SpecialType.System_Int32 => ((long)int.MinValue, (long)int.MaxValue),
            SpecialType.System_UInt32 => (0L, (long)uint.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };

        var first = members[0].Value;
        var last = members[members.Count - 1].Value;
        if (last < max)
        {
            return last + 1;
        }

        if (first > min)
        {
            return first - 1;
        }

        // Both ends are taken: a gap lies among the at most 64 members.
        var used = new HashSet<long>(members.Select(m => m.Value));
        var candidate = min;
        while (used.Contains(candidate))
        {
            candidate++;
        }

        return candidate;
    }

    private static bool IsUnsigned64(INamedTypeSymbol enumType) => enumType.EnumUnderlyingType?.SpecialType == SpecialType.System_UInt64;

    /// <summary>A member's value as a key that sorts in the underlying type's order (unsigned 64-bit values flipped into signed order).</summary>
    private static long OrderKey(long value, bool unsigned) => unsigned ? unchecked(value ^ long.MinValue) : value;

    private static DimensionValue TypeDefault(DimensionModel dimension)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Ordinal:
                for (var i = 0; i < dimension.Members.Count; i++)
                {
                    if (dimension.Members[i].Value == 0)
                    {
                        return DimensionValue.OfPosition(i);
                    }
                }

                return DimensionValue.OfPosition(Lattice.MaxMembers);
            case DimensionKind.Choice:
                return DimensionValue.OfPosition(Lattice.MaxMembers);
            case DimensionKind.Integer:
            case DimensionKind.Real:
                return DimensionValue.OfNumber(0);
            default:
                return DimensionValue.OfPosition(0);
        }
    }
}
