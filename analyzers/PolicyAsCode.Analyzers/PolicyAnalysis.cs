using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Analyzers.Checks;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Analyzers;

/// <summary>
/// Everything the analysers find in one compilation, computed once on first use: every user tier's policy
/// is read with the generator's reader, checked, and its findings filed under the tier type they lie in.
/// </summary>
/// <remarks>
/// The work runs under the token of the callback that first needs it, and a run that is cancelled leaves
/// nothing behind, so the next callback starts it again. (A <see cref="Lazy{T}"/> bound to the compilation-start
/// token would cache the <see cref="OperationCanceledException"/> of an abandoned request and rethrow it into
/// every later callback of the same compilation, which the host reports as an analyser crash, AD0001.)
/// </remarks>
internal sealed class PolicyAnalysis
{
    private readonly Compilation _compilation;
    // Where the policies are read: the generator's compilation of the same sources when there is one (its attributes
    // are bound already), else the analysed one. Findings are mapped back into the analysed one by file and span.
    private readonly Compilation _reading;
    private readonly object _gate = new();
    private Result? _result;

    public PolicyAnalysis(Compilation compilation)
        : this(compilation, GeneratorCompilations.ReadableFor(compilation))
    {
    }

    /// <summary>The analysis of <paramref name="compilation"/>, its policies read from <paramref name="reading"/> (<see cref="GeneratorCompilations.ReadableFor"/>).</summary>
    public PolicyAnalysis(Compilation compilation, Compilation reading)
    {
        _compilation = compilation;
        _reading = reading;
    }

    public IReadOnlyList<PolicyFinding> Findings(CancellationToken cancellation) => Get(cancellation).Findings;

    /// <summary>The checked policies whose user tier is <paramref name="userTier"/>.</summary>
    public PolicyModel? PolicyOf(INamedTypeSymbol userTier, CancellationToken cancellation) =>
        Get(cancellation).Policies.TryGetValue(Fqn(userTier), out var policy) ? policy : null;

    private Result Get(CancellationToken cancellation)
    {
        var result = Volatile.Read(ref _result);
        if (result is not null)
        {
            return result;
        }

        lock (_gate)
        {
            return _result ??= Analyse(cancellation);
        }
    }

    public static bool IsTier(INamedTypeSymbol type) => DeclaredTier.Read(type) is not null;

    /// <summary>
    /// Whether findings may lie in the type's declaration: a tier, or a type with a tier nested in it (whose
    /// name a finding points at when it must be made partial for the tier inside).
    /// </summary>
    public static bool MayHoldFindings(INamedTypeSymbol type) => IsTier(type) || type.GetTypeMembers().Any(MayHoldFindings);

    /// <summary>Maps a model location back into this compilation.</summary>
    public Location? LocationOf(SourceLocation? location)
    {
        if (location is null)
        {
            return null;
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (tree.FilePath == location.FilePath && location.Span.End <= tree.Length)
            {
                return Location.Create(tree, location.Span);
            }
        }

        return null;
    }

    private Result Analyse(CancellationToken cancellation)
    {
        var findings = new List<PolicyFinding>();
        var seen = new HashSet<(string, string, SourceLocation?)>();
        var policies = new Dictionary<string, PolicyModel>();
        var tiers = SourceTiers(_reading.Assembly.GlobalNamespace, cancellation).ToList();
        var unmatched = new List<PolicyProblem>();
        var matched = new HashSet<string>();

        void Add(PolicyFinding finding)
        {
            if (seen.Add((finding.Id, finding.Message, finding.Location)))
            {
                findings.Add(finding);
            }
        }

        foreach (var tier in tiers)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var problem in PolicyReader.ExtensibilityProblems(tier, _reading, cancellation).Concat(PolicyReader.HierarchyProblems(tier)))
            {
                Add(PolicyFinding.Of(problem));
            }

            var policy = PolicyReader.Read(tier, _reading, cancellation);
            if (policy is null)
            {
                continue;
            }

            policies[Fqn(tier)] = policy;

            foreach (var problem in policy.Problems)
            {
                if (problem.UnmatchedProperty is not null)
                {
                    unmatched.Add(problem);
                    continue;
                }

                Add(PolicyFinding.Of(problem));
            }

            // A policy whose structure is broken is not checked further: its bounds may be half-read.
            if (!policy.CanEmit)
            {
                continue;
            }

            var view = new PolicyView(policy);
            foreach (var finding in OverrideChecks.Check(view).Concat(ConsistencyChecks.Check(view)).Concat(HazardListChecks.Check(view)))
            {
                Add(finding);
            }
        }

        // A law bounding a dimension only some of the user tiers below it have is fine; flag only properties no user tier
        // has. The names are put together only when some tier has a property no dimension matches (rarely).
        if (unmatched.Count > 0)
        {
            foreach (var policy in policies.Values)
            {
                foreach (var t in policy.Tiers)
                {
                    foreach (var d in policy.Dimensions)
                    {
                        matched.Add(t.TypeName + "." + d.Name);
                    }
                }
            }
        }

        foreach (var problem in unmatched)
        {
            if (!matched.Contains(problem.UnmatchedProperty!))
            {
                Add(PolicyFinding.Of(problem));
            }
        }

        return new Result(findings, policies);
    }

    private static IEnumerable<INamedTypeSymbol> SourceTiers(INamespaceSymbol ns, CancellationToken cancellation)
    {
        foreach (var member in ns.GetMembers())
        {
            cancellation.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol inner)
            {
                foreach (var type in SourceTiers(inner, cancellation))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (var tier in TiersIn(type))
                {
                    yield return tier;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> TiersIn(INamedTypeSymbol type)
    {
        if (type.IsImplicitlyDeclared || !type.Locations.Any(l => l.IsInSource))
        {
            yield break;
        }

        if (IsTier(type))
        {
            yield return type;
        }

        foreach (var nested in type.GetTypeMembers())
        {
            foreach (var tier in TiersIn(nested))
            {
                yield return tier;
            }
        }
    }

    private static string Fqn(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private sealed record Result(List<PolicyFinding> Findings, Dictionary<string, PolicyModel> Policies);
}
