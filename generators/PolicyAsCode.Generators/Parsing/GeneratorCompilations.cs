using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>
/// The compilation the generator read a policy from, handed to the analysers of the same build so that they read the
/// policy from symbols whose attributes the compiler has already bound, instead of binding every attribute again.
/// </summary>
/// <remarks>
/// <para>
/// A build runs the generator on the project's compilation and the analysers on that compilation plus the generated
/// files: new symbols, so reading the policy there binds every attribute of every tier property a second time (three
/// quarters of the analysers' time at 200 dimensions). The two compilations say the same about the policy when they
/// hold the same source files (the same tree objects), references and options, and the analysed one adds only this
/// generator's files, whose members the reader ignores (<c>IsGenerated</c>). Only then is the generator's compilation
/// used; in every other case (another generator's files, an edit since, a test running the analyser alone, a
/// compilation already read from) the analysers read their own, as before. Either way they read with the same reader.
/// </para>
/// <para>
/// The generator and the analysers are separate assemblies, possibly in separate load contexts, so the table lives in
/// the application domain's data under a fixed name and holds only compiler types, which every analyser shares.
/// The table is keyed weakly by the policy's file; the generator's compilation is held from the generator's read until
/// the first analysis that reads from it (a weak reference was collected before the analysers of a csc build started,
/// in two builds of three), or until the generator notes a newer one for the file.
/// </para>
/// </remarks>
internal static class GeneratorCompilations
{
    private const string Slot = "PolicyAsCode.Generators.GeneratorCompilations/2";

    // The folder the compiler puts this generator's files in: {assembly}/{generator type}/{hint name}.
    private const string GeneratedFolder = "PolicyAsCode.Generators.PolicyGenerator";

    /// <summary>Notes that the generator read the policy declared in <paramref name="policyFile"/> from <paramref name="compilation"/>.</summary>
    public static void Remember(SyntaxTree policyFile, Compilation compilation)
    {
        Table().GetValue(policyFile, static _ => new StrongBox<Compilation?>()).Value = compilation;
    }

    /// <summary>
    /// The compilation to read the policies of <paramref name="analysed"/> from: the generator's, when it says the
    /// same about every policy (see the remarks on the type), else <paramref name="analysed"/> itself.
    /// </summary>
    public static Compilation ReadableFor(Compilation analysed) => Find(analysed, release: true);

    /// <summary>Whether <see cref="ReadableFor"/> would give the generator's compilation, without letting it go.</summary>
    public static bool HoldsFor(Compilation analysed) => !ReferenceEquals(Find(analysed, release: false), analysed);

    private static Compilation Find(Compilation analysed, bool release)
    {
        if (AppDomain.CurrentDomain.GetData(Slot) is not ConditionalWeakTable<SyntaxTree, StrongBox<Compilation?>> table)
        {
            return analysed;
        }

        Compilation? tried = null;
        foreach (var tree in analysed.SyntaxTrees)
        {
            if (table.TryGetValue(tree, out var box) && box.Value is { } generators && !ReferenceEquals(generators, tried))
            {
                if (SameSource(generators, analysed))
                {
                    // Let it go: held only until one analysis reads from it (a later one reads its own compilation).
                    if (release)
                    {
                        Interlocked.CompareExchange(ref box.Value, null, generators);
                    }

                    return generators;
                }

                tried = generators;
            }
        }

        return analysed;
    }

    private static bool SameSource(Compilation generators, Compilation analysed)
    {
        if (ReferenceEquals(generators, analysed))
        {
            return true;
        }

        if (!ReferenceEquals(generators.Options, analysed.Options) || generators.AssemblyName != analysed.AssemblyName
            || !SameReferences(generators.ExternalReferences, analysed.ExternalReferences))
        {
            return false;
        }

        var sources = new HashSet<SyntaxTree>(generators.SyntaxTrees);
        var found = 0;
        foreach (var tree in analysed.SyntaxTrees)
        {
            if (sources.Contains(tree))
            {
                found++;
            }
            else if (tree.FilePath.IndexOf(GeneratedFolder, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return found == sources.Count;
    }

    private static bool SameReferences(ImmutableArray<MetadataReference> a, ImmutableArray<MetadataReference> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!ReferenceEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Two load contexts may race to create the table; the loser's entries are lost, which costs one read, no more.
    private static ConditionalWeakTable<SyntaxTree, StrongBox<Compilation?>> Table()
    {
        var domain = AppDomain.CurrentDomain;
        if (domain.GetData(Slot) is not ConditionalWeakTable<SyntaxTree, StrongBox<Compilation?>> table)
        {
            domain.SetData(Slot, new ConditionalWeakTable<SyntaxTree, StrongBox<Compilation?>>());
            table = (ConditionalWeakTable<SyntaxTree, StrongBox<Compilation?>>)domain.GetData(Slot)!;
        }

        return table;
    }
}
