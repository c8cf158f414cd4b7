using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>
/// The one place that turns symbols into the policy model. The generator and the analysers both call it;
/// nothing else reads the authoring attributes.
/// </summary>
internal sealed partial class PolicyReader
{
    private readonly Compilation _compilation;
    private readonly CancellationToken _cancellation;
    // A decision tracks the hazard rules that refused content in one ulong (ActiveForbids).
    private const int MaxHazardRules = 64;

    private readonly List<PolicyProblem> _problems = [];
    private readonly List<DimensionModel> _dimensions = [];
    private readonly Dictionary<string, int> _dimensionByName = new(System.StringComparer.Ordinal);
    private readonly List<ITypeSymbol> _dimensionTypes = [];
    private readonly List<BoundModel> _bounds = [];
    private readonly List<ForbidModel> _forbids = [];
    private readonly List<WaiverModel> _waivers = [];
    private readonly List<DefaultModel> _defaults = [];
    private readonly HashSet<string> _blockedDimensions = new(StringComparer.Ordinal);
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];
    private readonly Dictionary<SyntaxTree, bool> _generatedFiles = [];

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

        if (_forbids.Count > MaxHazardRules)
        {
            _problems.Add(Problems.TooManyHazardRules(userTier.Type.Name, _forbids.Count, MaxHazardRules, userTier.Location));
        }

        // Canonical order: tiers highest first, then as written. Indexes follow that order.
        var bounds = _bounds.Select((b, i) => (b, i)).OrderBy(x => x.b.Tier).ThenBy(x => x.i).Select((x, i) => x.b with { Index = i }).ToEquatableArray();
        var forbids = _forbids.Select((f, i) => (f, i)).OrderBy(x => x.f.IsUsersOwn ? 1 : 0).ThenBy(x => x.f.Tier).ThenBy(x => x.i).Select((x, i) => x.f with { Index = i }).ToEquatableArray();
        var defaults = _defaults.OrderBy(d => d.Tier).ToEquatableArray();
        var waivers = _waivers.Select((w, i) => w with { Index = i }).ToEquatableArray();
        var learning = _learning.Select((l, i) => (l, i)).OrderBy(x => x.l.Tier).ThenBy(x => x.i).Select(x => x.l).ToEquatableArray();

        // Read before the problems are collected below: both may add to them.
        var customHazards = ReadCustomHazards();
        var neverTogether = ReadNeverTogether();
        var customBenefits = ReadCustomTaxonomy("benefit");
        var customRisks = ReadCustomTaxonomy("risk");
        var dimensions = _dimensions.ToEquatableArray();
        CheckTaxonomyLinks(dimensions, bounds, forbids, customBenefits, customRisks);
        return new PolicyModel(
            NameOf(userTier.Type),
            tiers.Select(t => new TierModel(t.Index, t.Name, FullName(t.Type), t.Rank, t.WithinIndexes.ToEquatableArray(), t.Location)).ToEquatableArray(),
            dimensions,
            bounds,
            forbids,
            waivers,
            defaults,
            customHazards,
            _problems.ToEquatableArray(),
            neverTogether,
            customBenefits,
            customRisks,
            learning);
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

    private bool TryReadConstant(ExpressionSyntax expression, DimensionModel dimension, out DimensionValue value, out string error)
    {
        if (LiteralConstants.TryRead(expression, out var literal))
        {
            return ConstantEncoder.TryEncodeRaw(dimension, literal, out value, out error);
        }

        var model = SemanticModelOf(expression.SyntaxTree);
        var constant = model.GetConstantValue(expression, _cancellation);
        if (!constant.HasValue)
        {
            value = default;
            error = $"'{expression}' is not a compile-time constant";
            return false;
        }

        return ConstantEncoder.TryEncodeRaw(dimension, constant.Value, out value, out error);
    }

    // One model per file, not one per initialiser: each model keeps what it has bound. Nullable analysis is left out,
    // as a constant's value does not depend on it, and running it is most of the cost of binding an initialiser.
    private SemanticModel SemanticModelOf(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out var model))
        {
#pragma warning disable RSEXPERIMENTAL001 // experimental, and in the pinned 4.14.0; what it leaves out, no constant needs
            _models[tree] = model = _compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
        }

        return model;
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

        // Read for every bound of every tier: one builder, each run of white space written as one space (as a split
        // on white space and a join with spaces would), and no LINQ.
        var text = new System.Text.StringBuilder(name.Length + 32);
        AppendCollapsed(text, name);
        text.Append('(');
        var first = true;
        if (syntax.ArgumentList is { } list)
        {
            var source = syntax.SyntaxTree.GetText(_cancellation);
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals is not null || argument.NameColon is not null)
                {
                    continue;
                }

                if (!first)
                {
                    text.Append(", ");
                }

                // Read from the file's text rather than the node's ToString, which builds a writer and a string per argument.
                var span = argument.Expression.Span;
                var pending = false;
                for (var i = span.Start; i < span.End; i++)
                {
                    AppendCollapsed(text, source[i], ref pending);
                }

                first = false;
            }
        }

        text.Append(')');
        return text.ToString();
    }

    // Appends text with each run of spaces, tabs and line breaks as one space, leading and trailing ones dropped
    // against what is already written (the builder never starts or ends with a space).
    private static void AppendCollapsed(System.Text.StringBuilder text, string part)
    {
        var pending = false;
        foreach (var c in part)
        {
            AppendCollapsed(text, c, ref pending);
        }
    }

    // One character of a part: white space only marks that a space is due before the next character written.
    private static void AppendCollapsed(System.Text.StringBuilder text, char c, ref bool pending)
    {
        if (c is ' ' or '\r' or '\n' or '\t')
        {
            pending = text.Length > 0;
            return;
        }

        if (pending && text[text.Length - 1] != ' ')
        {
            text.Append(' ');
        }

        pending = false;
        text.Append(c);
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
