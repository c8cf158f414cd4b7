using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Json;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>
/// The one place that turns symbols into the policy model. The generator and the analysers both call it;
/// nothing else reads the authoring attributes.
/// </summary>
internal sealed class PolicyReader
{
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellation;
    private readonly List<PolicyProblem> _problems = [];
    private readonly List<DimensionModel> _dimensions = [];
    private readonly Dictionary<string, int> _dimensionByName = new(System.StringComparer.Ordinal);
    private readonly List<ITypeSymbol> _dimensionTypes = [];
    private readonly List<BoundModel> _bounds = [];
    private readonly List<ForbidModel> _forbids = [];
    private readonly List<WaiverModel> _waivers = [];
    private readonly List<DefaultModel> _defaults = [];
    private readonly HashSet<string> _blockedDimensions = new(StringComparer.Ordinal);

    private PolicyReader(Compilation compilation, CancellationToken cancellation)
    {
        _compilation = compilation;
        _cancellation = cancellation;
    }

    /// <summary>Reads the policy of a user-tier record, or null when the type is not one.</summary>
    public static PolicyModel? Read(INamedTypeSymbol userTier, Compilation compilation, CancellationToken cancellation)
    {
        var declared = DeclaredTier.Read(userTier);
        return declared is null || declared.Rank != Ranks.User ? null : new PolicyReader(compilation, cancellation).Read(declared);
    }

    private PolicyModel Read(DeclaredTier userTier)
    {
        CheckExtensible(userTier.Type);
        var tiers = TierChain.Discover(userTier, _problems);
        var tierOf = tiers.ToDictionary(t => (ISymbol)t.Type, t => t.Index, SymbolEqualityComparer.Default);

        ReadDimensions(userTier);
        foreach (var tier in tiers)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (tier.Rank != Ranks.User)
            {
                CheckNoPrimaryConstructor(tier.Type);
            }

            ReadTierProperties(tier, tierOf, tiers);
            ReadForbids(tier);
        }

        var ownHazards = _dimensions.FirstOrDefault(d => d.IsHazardSet);
        if (ownHazards is not null)
        {
            _forbids.Add(new ForbidModel(0, userTier.Index, ownHazards.Domain.Ceiling, 0, 0, "you asked to avoid these", ownHazards.Index, ownHazards.Location));
        }

        if (_forbids.Count > 64)
        {
            _problems.Add(new PolicyProblem("PAC0011", "a policy may have at most 64 hazard rules", userTier.Location, true));
        }

        // Canonical order: tiers highest first, then as written. Indexes follow that order.
        var bounds = _bounds.Select((b, i) => (b, i)).OrderBy(x => x.b.Tier).ThenBy(x => x.i).Select((x, i) => x.b with { Index = i }).ToEquatableArray();
        var forbids = _forbids.Select((f, i) => (f, i)).OrderBy(x => x.f.IsUsersOwn ? 1 : 0).ThenBy(x => x.f.Tier).ThenBy(x => x.i).Select((x, i) => x.f with { Index = i }).ToEquatableArray();
        var defaults = _defaults.OrderBy(d => d.Tier).ToEquatableArray();
        var waivers = _waivers.Select((w, i) => w with { Index = i }).ToEquatableArray();

        // Read before the problems are collected below: both may add to them.
        var customHazards = ReadCustomHazards();
        var neverTogether = ReadNeverTogether();
        return new PolicyModel(
            NameOf(userTier.Type),
            tiers.Select(t => new TierModel(t.Index, t.Name, FullName(t.Type), t.Rank, t.WithinIndexes.ToEquatableArray(), t.Location)).ToEquatableArray(),
            _dimensions.ToEquatableArray(),
            bounds,
            forbids,
            waivers,
            defaults,
            customHazards,
            _problems.ToEquatableArray(),
            neverTogether);
    }

    /// <summary>The problems that stop the generator from extending a tier type (PAC0009), for analysers checking every tier.</summary>
    public static IReadOnlyList<PolicyProblem> ExtensibilityProblems(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellation)
    {
        var reader = new PolicyReader(compilation, cancellation);
        reader.CheckExtensible(type, DeclaredTier.Read(type)?.Rank == Ranks.User);
        return reader._problems;
    }

    /// <summary>The hierarchy problems (PAC0003) of any tier, read as the root of its own chain.</summary>
    public static IReadOnlyList<PolicyProblem> HierarchyProblems(INamedTypeSymbol type)
    {
        var declared = DeclaredTier.Read(type);
        var problems = new List<PolicyProblem>();
        if (declared is not null)
        {
            TierChain.Discover(declared, problems);
        }

        return problems;
    }

    private void CheckExtensible(INamedTypeSymbol type, bool isUserTier = true)
    {
        var location = SourceLocation.From(type.Locations.FirstOrDefault());
        if (!type.IsRecord || type.TypeKind != TypeKind.Class)
        {
            _problems.Add(new PolicyProblem("PAC0009", $"{type.Name} must be a record class for the generator to add its evaluator", location, true));
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellation) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                _problems.Add(new PolicyProblem("PAC0009", $"{type.Name} must be partial for the generator to add its evaluator", SourceLocation.From(declaration.Identifier.GetLocation()), true));
            }
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            foreach (var reference in outer.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellation) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    _problems.Add(new PolicyProblem("PAC0009", $"{type.Name} is nested in {outer.Name}, which must be partial too", SourceLocation.From(declaration.Identifier.GetLocation()), true));
                }
            }
        }

        if (TierChain.GenericProblem(type) is { } generic)
        {
            _problems.Add(generic);
        }

        // A name the parser had to make up (a namespace "A.?B" leaves an empty part) cannot be written back as code:
        // the compiler reports the syntax error, and the generator must not add unparsable code of its own beside it.
        if (IncompleteName(type) is { } incomplete)
        {
            _problems.Add(new PolicyProblem("PAC0009", $"{type.Name} cannot be extended while the name of {incomplete} is incomplete", location, true));
        }

        CheckNoPrimaryConstructor(type);

        if (isUserTier && type.IsAbstract || isUserTier && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal))
        {
            _problems.Add(new PolicyProblem("PAC0009", $"{type.Name} needs a public parameterless constructor (no primary-constructor parameters), so defaults can be made", location, true));
        }

        if (isUserTier)
        {
            CheckGeneratedMembersFit(type);
            CheckNoTypeNamedVar(type);
        }
    }

    /// <summary>
    /// A record's primary-constructor parameters are values the generator cannot read: a constructor decides what
    /// <c>new T()</c> holds, while the registry and the interpreter read property initialisers (a user tier
    /// <c>Prefs(int X)</c> with <c>public Prefs() : this(7)</c> has <c>Defaults</c> 7 but an interpreter default of 0),
    /// and a higher tier's parameter default (<c>Acme(Maturity M = Maturity.Teen)</c>) would be dropped without a word.
    /// So no tier record takes parameters: each value is an init-only property, its default an initialiser.
    /// </summary>
    private void CheckNoPrimaryConstructor(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellation) is RecordDeclarationSyntax { ParameterList.Parameters.Count: > 0 } record)
            {
                _problems.Add(new PolicyProblem("PAC0009", $"{type.Name} must not have primary-constructor parameters: write each as an init-only property, with its default as an initialiser", SourceLocation.From(record.ParameterList.GetLocation()), true));
            }
        }
    }

    /// <summary>
    /// Whether a member was emitted by this generator. Analysers see the compilation with the generated evaluator
    /// in it, and the evaluator's own members must not be mistaken for the author's.
    /// </summary>
    private bool IsOurs(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var text = reference.SyntaxTree.GetText(_cancellation);
            var head = text.ToString(new Microsoft.CodeAnalysis.Text.TextSpan(0, Math.Min(text.Length, 200)));
            if (head.IndexOf(GeneratedHeader, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return member.DeclaringSyntaxReferences.Length > 0;
    }

    private const ulong CustomHazardBits = HazardBits.CustomRange;

    /// <summary>The second line of every file the generator emits.</summary>
    internal const string GeneratedHeader = "// Generated by PolicyAsCode from the tiers of ";

    /// <summary>The members the evaluator adds to a user tier must not clash with the record's own.</summary>
    private void CheckGeneratedMembersFit(INamedTypeSymbol type)
    {
        // The evaluator creates records with 'new T()', which a required member forbids.
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                {
                    _problems.Add(new PolicyProblem("PAC0009", $"{type.Name}.{member.Name} must not be required: the evaluator creates {type.Name} records with default values", SourceLocation.From(member.Locations.FirstOrDefault()), true));
                }
            }
        }

        // The evaluator adds these members (and reads its tables through PolicyTables); a property, field or nested type of the same name would clash.
        foreach (var member in type.GetMembers())
        {
            if (!member.IsImplicitlyDeclared && member.Kind != SymbolKind.Method && Array.IndexOf(GeneratedMemberNames, member.Name) >= 0
                && !IsOurs(member))
            {
                _problems.Add(new PolicyProblem("PAC0011", $"{type.Name}.{member.Name} has a name the generated evaluator needs: rename it", SourceLocation.From(member.Locations.FirstOrDefault()), true));
            }
        }
    }

    /// <summary>
    /// The generated code declares its locals with <c>var</c>; a type named <c>var</c> where that code is written
    /// (nested in the user tier, in a type containing it, or in any of its enclosing namespaces) would turn each
    /// of them into a declaration of that type, and the evaluator would not compile.
    /// </summary>
    private void CheckNoTypeNamedVar(INamedTypeSymbol type)
    {
        var location = SourceLocation.From(type.Locations.FirstOrDefault());
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.GetTypeMembers("var").Length > 0)
            {
                _problems.Add(new PolicyProblem("PAC0009", $"{t.Name} declares a type named 'var', which the generated evaluator's code would bind to: rename it", location, true));
            }
        }

        for (var ns = type.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
        {
            if (ns.GetTypeMembers("var").Length > 0)
            {
                var where = ns.IsGlobalNamespace ? "the global namespace" : "namespace " + ns.ToDisplayString();
                _problems.Add(new PolicyProblem("PAC0009", $"{where} holds a type named 'var', which the generated evaluator of {type.Name} would bind to: rename it", location, true));
            }
        }
    }

    private static readonly string[] GeneratedMemberNames = ["Registry", "Defaults", "Resolve", "Decide", "Encode", "Decode", "PolicyTables", "ReadPreferences", "WritePreferences", "PreferencesJsonSchema"];

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "non-public",
    };

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
                _problems.Add(new PolicyProblem(
                    "PAC0009",
                    $"{userTier.Type.Name}.{property.Name} has a {Describe(accessor.DeclaredAccessibility)} {which} accessor: a dimension needs a public get and a public set or init accessor (make the property non-public to keep it out of the policy)",
                    SourceLocation.From(property.Locations.FirstOrDefault()),
                    true));
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
                _problems.Add(new PolicyProblem(
                    "PAC0011",
                    $"{userTier.Type.Name}.{dimension.Name} and {userTier.Type.Name}.{first.Name} are both named \"{jsonName}\" in preferences JSON: rename one",
                    dimension.Location,
                    true));
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
                _problems.Add(new PolicyProblem("PAC0005", $"string dimension {property.Name} needs [Allowed(...)] on the user tier listing its values, strictest first", location, true));
                return null;
            }

            if (members.Count > Lattice.MaxMembers)
            {
                _problems.Add(new PolicyProblem("PAC0011", $"string dimension {property.Name} lists {members.Count} values; a dimension may have at most {Lattice.MaxMembers}", location, true));
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
                    _problems.Add(new PolicyProblem("PAC0011", $"enum {typeName} of dimension {property.Name} must have 1 to {Lattice.MaxMembers} members", location, true));
                    return null;
                }

                undefined = UndefinedValue(enumType, members);
                domain = Lattice.MemberDomain(kind, members.Count);
            }
        }
        else
        {
            _problems.Add(new PolicyProblem("PAC0011", $"{property.Name} has type {typeName}, which is not a dimension kind: use bool, an enum, a [Flags] enum, int, double or string", location, true));
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

        var initialiser = Initialiser(property);
        if (initialiser is null)
        {
            return dimension with { Default = TypeDefault(dimension) };
        }

        if (!TryReadConstant(initialiser, dimension, out var value, out var error))
        {
            _problems.Add(new PolicyProblem("PAC0005", $"the default of {property.Name} must be a constant: {error}", SourceLocation.From(initialiser.GetLocation()), true));
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
                    _problems.Add(new PolicyProblem("PAC0004", $"{tier.Type.Name}.{property.Name} is bounded but matches no dimension of any user tier below {tier.Type.Name}", location, false, FullName(tier.Type) + "." + property.Name));
                }

                continue;
            }

            var dimension = _dimensions[index];
            if (!SymbolEqualityComparer.Default.Equals(property.Type, _dimensionTypes[index]))
            {
                _problems.Add(new PolicyProblem(
                    "PAC0004",
                    $"{tier.Type.Name}.{property.Name} has type {property.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)} but dimension {dimension.Name} has type {dimension.TypeName}",
                    location,
                    true));
                continue;
            }

            var enables = TaxonomyLinks(attributes, KnownNames.EnablesAttribute);
            var mitigates = TaxonomyLinks(attributes, KnownNames.MitigatesAttribute);
            foreach (var attribute in attributes)
            {
                ReadBound(tier, dimension, _dimensionTypes[index], attribute, enables, mitigates);
                ReadWaiver(tier, dimension, attribute, tierOf, tiers);
            }

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
                        _problems.Add(new PolicyProblem("PAC0005", $"the default {tier.Type.Name}.{property.Name} must be a constant: {error}", SourceLocation.From(initialiser.GetLocation()), true));
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
        if (KnownNames.Is(type, KnownNames.AtMostAttribute)) form = BoundForm.AtMost;
        else if (KnownNames.Is(type, KnownNames.AtLeastAttribute)) form = BoundForm.AtLeast;
        else if (KnownNames.Is(type, KnownNames.BetweenAttribute)) form = BoundForm.Between;
        else if (KnownNames.Is(type, KnownNames.LockedAttribute)) form = BoundForm.Locked;
        else if (KnownNames.Is(type, KnownNames.AllowedAttribute)) form = BoundForm.Allowed;
        else return;

        var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
        var source = SourceText(attribute);

        // On the user tier, [Allowed] of a string dimension declares its domain rather than bounding it.
        if (tier.Rank == Ranks.User && form == BoundForm.Allowed && dimension.Kind == DimensionKind.Choice)
        {
            return;
        }

        if (!Lattice.Supports(dimension.Kind, form))
        {
            _problems.Add(new PolicyProblem("PAC0005", $"{source} cannot bound {dimension.Name}: the {dimension.TypeName} dimension takes AtMost, AtLeast, Between or Locked", location, true));
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
                    _problems.Add(new PolicyProblem("PAC0005", $"{source} on {dimension.Name}: {error}", location, true));
                    return;
                }

                positions |= dimension.Kind == DimensionKind.Set ? value.Bits : 1UL << value.Position;
            }

            if (listed.Length == 0)
            {
                _problems.Add(new PolicyProblem("PAC0005", $"{source} on {dimension.Name} allows nothing: list at least one value", location, true));
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
                _problems.Add(new PolicyProblem("PAC0005", $"{source} on {dimension.Name} is incomplete", location, true));
                return;
            }

            if (!ConstantEncoder.TryEncode(dimension, dimensionType, arguments[0], out first, out var error)
                || (expected == 2 && !ConstantEncoder.TryEncode(dimension, dimensionType, arguments[1], out _, out error)))
            {
                _problems.Add(new PolicyProblem("PAC0005", $"{source} on {dimension.Name}: {error}", location, true));
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
                _problems.Add(new PolicyProblem("PAC0005", $"{source} on {dimension.Name} allows no value (is lo above hi?)", location, true));
                return;
            }
        }

        var when = NamedUInt(attribute, KnownNames.When);
        var unless = NamedUInt(attribute, KnownNames.Unless);
        var waivableBy = (int)NamedUInt(attribute, KnownNames.WaivableBy);
        if (waivableBy != Ranks.None && waivableBy <= tier.Rank)
        {
            _problems.Add(new PolicyProblem("PAC0010", $"{source} of {tier.Type.Name} can only be waivable by a lower tier, not by the {Ranks.Describe(waivableBy)} tier", location, true));
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
            _problems.Add(new PolicyProblem("PAC0010", $"{tier.Type.Name}.{dimension.Name} claims a waiver of a type that is not a higher tier of this policy", location, true));
            return;
        }

        var delegated = _bounds.Any(b => b.Tier == waived && b.Dimension == dimension.Index && b.WaivableBy == tier.Rank);
        if (!delegated)
        {
            _problems.Add(new PolicyProblem(
                "PAC0010",
                $"{tier.Type.Name} claims a waiver of {target.Name}'s bound on {dimension.Name}, but {target.Name} does not delegate that waiver to the {Ranks.Describe(tier.Rank)} tier",
                location,
                false));
        }

        _waivers.Add(new WaiverModel(0, tier.Index, dimension.Index, waived, NamedUInt(attribute, KnownNames.When), delegated, location));
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
                _problems.Add(new PolicyProblem("PAC0005", $"{SourceText(attribute)} forbids no hazard", location, true));
                continue;
            }

            var reason = attribute.NamedArguments.FirstOrDefault(a => a.Key == KnownNames.Reason).Value.Value as string;
            var mitigates = attribute.NamedArguments.FirstOrDefault(a => a.Key == KnownNames.Mitigates).Value;
            var risks = mitigates.Kind == TypedConstantKind.Array && !mitigates.IsNull ? mitigates.Values.Select(v => v.Value).OfType<int>().Distinct().ToEquatableArray() : EquatableArray<int>.Empty;
            _forbids.Add(new ForbidModel(0, tier.Index, hazards, NamedUInt(attribute, KnownNames.When), NamedUInt(attribute, KnownNames.Unless), reason, -1, location, risks));
        }
    }

    // [assembly: NeverTogether(Fact.Minor, Fact.VerifiedAdult)]: contexts in which all of them hold are not checked. A
    // malformed declaration is reported and ignored: without it more contexts are checked, never fewer.
    private EquatableArray<uint> ReadNeverTogether()
    {
        var sets = new List<uint>();
        foreach (var attribute in _compilation.Assembly.GetAttributes())
        {
            if (!KnownNames.Is(attribute.AttributeClass, KnownNames.NeverTogetherAttribute) || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var facts = attribute.ConstructorArguments[0];
            var set = 0u;
            var count = 0;
            foreach (var fact in facts.Kind == TypedConstantKind.Array && !facts.IsNull ? facts.Values : [])
            {
                if (fact.Value is uint bit && bit != 0 && (bit & (bit - 1)) == 0 && (set & bit) == 0)
                {
                    set |= bit;
                    count++;
                }
                else
                {
                    count = -1;
                    break;
                }
            }

            if (count < 2)
            {
                _problems.Add(new PolicyProblem("PAC0005", "[NeverTogether] must name at least two distinct single facts (e.g. Fact.Minor, Fact.VerifiedAdult)", SourceLocation.From(attribute.ApplicationSyntaxReference), false));
                continue;
            }

            sets.Add(set);
        }

        return sets.ToEquatableArray();
    }

    /// <summary>
    /// The assembly's <c>[HazardCategory]</c>s. They are part of every policy of the assembly: a classifier is told
    /// each category's code and description and maps its answers back to the category's bit, which the policies'
    /// <c>[Forbid]</c>s test. A category that cannot be used as written (a shipped or undefined bit, an empty code, a
    /// code of the shipped S1–S14 family or one already taken, a bit named twice with other words) is PAC0013 and blocks every policy:
    /// ignoring it could leave a forbidden hazard that no classifier ever reports, or let a custom code shadow a shipped one.
    /// </summary>
    private EquatableArray<HazardModel> ReadCustomHazards()
    {
        var hazards = new List<HazardModel>();
        foreach (var attribute in _compilation.Assembly.GetAttributes())
        {
            if (!KnownNames.Is(attribute.AttributeClass, KnownNames.HazardCategoryAttribute))
            {
                continue;
            }

            var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length != 3 || arguments[0].Kind == TypedConstantKind.Error || arguments[0].Value is not ulong bit)
            {
                // The compiler reports an attribute it cannot bind; there is nothing to read.
                _problems.Add(new PolicyProblem("PAC0013", "[HazardCategory] needs a hazard bit, a code and a description, each a constant", location, true));
                continue;
            }

            var code = arguments[1].Value as string;
            var description = arguments[2].Value as string;
            string? problem = null;
            if ((bit & ~CustomHazardBits) != 0 || bit == 0 || (bit & (bit - 1)) != 0)
            {
                problem = $"[HazardCategory] must name exactly one of Hazard.Custom1 to Hazard.Custom8, not 0x{bit:X}: the shipped categories keep their own codes and descriptions";
            }
            else if (string.IsNullOrWhiteSpace(code) || code!.Trim() != code || code.Any(char.IsControl))
            {
                problem = $"[HazardCategory] of Hazard.Custom{CustomNumber(bit)} needs a code (such as \"X1\") without spaces around it, by which classifiers report it";
            }
            else if (string.IsNullOrWhiteSpace(description))
            {
                problem = $"[HazardCategory] \"{code}\" needs a description: classifiers are told what content falls in the category";
            }
            else if (IsShippedCodeForm(code))
            {
                problem = $"[HazardCategory] code \"{code}\" has the form of the shipped categories' codes (S1 to S14), which classifiers report for those: choose another, such as \"X{CustomNumber(bit)}\"";
            }
            else if (hazards.Any(h => h.Hazard == bit && h.Code == code && h.Description == description))
            {
                // The same category written twice (each file of a project may say it) is one category.
                continue;
            }
            else if (hazards.FirstOrDefault(h => h.Hazard == bit) is { } sameBit)
            {
                problem = $"[HazardCategory] names Hazard.Custom{CustomNumber(bit)} again (it is \"{sameBit.Code}\" already)";
            }
            else if (hazards.FirstOrDefault(h => string.Equals(h.Code, code, StringComparison.OrdinalIgnoreCase)) is { } sameCode)
            {
                problem = $"[HazardCategory] code \"{code}\" is taken by Hazard.Custom{CustomNumber(sameCode.Hazard)}: codes are matched without regard to case";
            }

            if (problem is not null)
            {
                _problems.Add(new PolicyProblem("PAC0013", problem, location, true));
                continue;
            }

            hazards.Add(new HazardModel(bit, code!, description!));
        }

        return hazards.ToEquatableArray();
    }

    private static int CustomNumber(ulong bit)
    {
        var number = 1;
        for (var b = bit >> 32; b > 1; b >>= 1)
        {
            number++;
        }

        return number;
    }

    // "S" (either case) and digits: the Llama Guard codes of the shipped taxonomy, matched before custom codes are.
    private static bool IsShippedCodeForm(string code) =>
        code.Length >= 2 && (code[0] == 'S' || code[0] == 's') && code.Skip(1).All(c => c >= '0' && c <= '9');

    private bool TryReadConstant(ExpressionSyntax expression, DimensionModel dimension, out DimensionValue value, out string error)
    {
        var model = _compilation.GetSemanticModel(expression.SyntaxTree);
        var constant = model.GetConstantValue(expression, _cancellation);
        if (!constant.HasValue)
        {
            value = default;
            error = $"'{expression}' is not a compile-time constant";
            return false;
        }

        return ConstantEncoder.TryEncodeRaw(dimension, constant.Value, out value, out error);
    }

    private ExpressionSyntax? Initialiser(IPropertySymbol property)
    {
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellation) is PropertyDeclarationSyntax { Initializer: { } initializer })
            {
                return initializer.Value;
            }
        }

        return null;
    }

    private static EquatableArray<int> TaxonomyLinks(System.Collections.Immutable.ImmutableArray<AttributeData> attributes, string attributeName)
    {
        var links = new List<int>();
        foreach (var attribute in attributes)
        {
            if (!KnownNames.Is(attribute.AttributeClass, attributeName) || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            foreach (var item in attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array || attribute.ConstructorArguments[0].IsNull ? [] : attribute.ConstructorArguments[0].Values)
            {
                if (item.Value is int number && !links.Contains(number))
                {
                    links.Add(number);
                }
            }
        }

        return links.ToEquatableArray();
    }

    private static uint NamedUInt(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is { } raw)
            {
                return raw is uint u ? u : unchecked((uint)Convert.ToInt64(raw, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return 0;
    }

    /// <summary>The attribute as written, without its named arguments (conditions and reasons are reported apart).</summary>
    private string SourceText(AttributeData attribute)
    {
        var name = attribute.AttributeClass?.Name ?? "Bound";
        if (name.EndsWith("Attribute", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Attribute".Length);
        }

        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellation) is not AttributeSyntax syntax)
        {
            return name;
        }

        var positional = syntax.ArgumentList?.Arguments.Where(a => a.NameEquals is null && a.NameColon is null).Select(a => a.Expression.ToString()) ?? [];
        var text = name + "(" + string.Join(", ", positional) + ")";
        return string.Join(" ", text.Split([' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    // The first namespace or type around (and including) the tier whose name is not a valid identifier, or null.
    private static string? IncompleteName(INamedTypeSymbol type)
    {
        for (ISymbol? symbol = type; symbol is INamespaceOrTypeSymbol and not INamespaceSymbol { IsGlobalNamespace: true }; symbol = symbol.ContainingSymbol)
        {
            if (!SyntaxFacts.IsValidIdentifier(symbol.Name))
            {
                return symbol is INamespaceSymbol ? "its namespace" : "a type it is in";
            }
        }

        return null;
    }

    private static TypeName NameOf(INamedTypeSymbol type)
    {
        var containing = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var keyword = outer.IsRecord ? (outer.TypeKind == TypeKind.Struct ? "record struct" : "record") : outer.TypeKind == TypeKind.Struct ? "struct" : outer.TypeKind == TypeKind.Interface ? "interface" : "class";
            containing.Insert(0, $"partial {keyword} {CSharpNames.Escape(outer.Name)}");
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? FullName(n) : string.Empty;
        return new TypeName(ns, type.Name, FullName(type), containing.ToEquatableArray());
    }

    // Keywords keep (or get) their '@' (namespace S.@class, record @partial), so the name can be written back as code.
    private static string FullName(INamespaceOrTypeSymbol type) => CSharpNames.FullName(type);
}
