using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

// Whether the generator can extend a tier type at all (PAC0009): partial records, reachable accessors, names it can write.
internal sealed partial class PolicyReader
{
    private void CheckExtensible(INamedTypeSymbol type, bool isUserTier = true)
    {
        var location = SourceLocation.From(type.Locations.FirstOrDefault());
        if (!type.IsRecord || type.TypeKind != TypeKind.Class)
        {
            _problems.Add(Problems.NotARecordClass(type.Name, location));
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellation) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                _problems.Add(Problems.NotPartial(type.Name, SourceLocation.From(declaration.Identifier.GetLocation())));
            }
        }

        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            foreach (var reference in outer.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellation) is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    _problems.Add(Problems.ContainerNotPartial(type.Name, outer.Name, SourceLocation.From(declaration.Identifier.GetLocation())));
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
            _problems.Add(Problems.IncompleteName(type.Name, incomplete, location));
        }

        CheckNoPrimaryConstructor(type);

        if (isUserTier && type.IsAbstract || isUserTier && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal))
        {
            _problems.Add(Problems.NoParameterlessConstructor(type.Name, location));
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
                _problems.Add(Problems.PrimaryConstructorParameters(type.Name, SourceLocation.From(record.ParameterList.GetLocation())));
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
            if (!IsGenerated(reference.SyntaxTree))
            {
                return false;
            }
        }

        return member.DeclaringSyntaxReferences.Length > 0;
    }

    // Whether the file's first 200 characters hold the header. Read from its first tokens, once per file: the
    // generated file is megabytes long, and asking a tree for its whole text may write all of it out again.
    private bool IsGenerated(SyntaxTree tree)
    {
        if (!_generatedFiles.TryGetValue(tree, out var generated))
        {
            var head = new System.Text.StringBuilder();
            foreach (var token in tree.GetRoot(_cancellation).DescendantTokens())
            {
                head.Append(token.ToFullString());
                if (head.Length >= 200)
                {
                    break;
                }
            }

            _generatedFiles[tree] = generated = head.ToString(0, Math.Min(head.Length, 200)).IndexOf(GeneratedHeader, StringComparison.Ordinal) >= 0;
        }

        return generated;
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
                    _problems.Add(Problems.RequiredMember(type.Name, member.Name, SourceLocation.From(member.Locations.FirstOrDefault())));
                }
            }
        }

        // The evaluator adds these members (and reads its tables through PolicyTables); a property, field or nested type of the same name would clash.
        foreach (var member in type.GetMembers())
        {
            if (!member.IsImplicitlyDeclared && member.Kind != SymbolKind.Method && Array.IndexOf(GeneratedMemberNames, member.Name) >= 0
                && !IsOurs(member))
            {
                _problems.Add(Problems.ReservedMemberName(type.Name, member.Name, SourceLocation.From(member.Locations.FirstOrDefault())));
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
                _problems.Add(Problems.NestedTypeNamedVar(t.Name, location));
            }
        }

        for (var ns = type.ContainingNamespace; ns is not null; ns = ns.ContainingNamespace)
        {
            if (ns.GetTypeMembers("var").Length > 0)
            {
                var where = ns.IsGlobalNamespace ? "the global namespace" : "namespace " + ns.ToDisplayString();
                _problems.Add(Problems.NamespaceTypeNamedVar(where, type.Name, location));
            }
        }
    }

    private static readonly string[] GeneratedMemberNames = ["Registry", "Defaults", "Resolve", "Decide", "Encode", "ResolveWithin", "Decode", "PolicyTables", "ReadPreferences", "WritePreferences", "PreferencesJsonSchema", "PolicyScope", "Admits", "Granted", "GrantedValues"];

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "non-public",
    };

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
}
