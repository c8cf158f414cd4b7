using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// What the generator reports itself: every problem that makes it emit nothing for a policy, under the id the
/// analysers use, so a build that runs the generator without the analysers (<c>RunAnalyzers=false</c>) still says
/// why a policy has no evaluator. These descriptors cannot be configured: a severity of <c>none</c> would leave a
/// build that passes without its evaluator. Titles match the analysers' (and the help pages' headings).
/// </summary>
internal static class GeneratorDiagnostics
{
    public const string HelpRoot = "https://github.com/PolicyAsCode/PolicyAsCode/blob/main/docs/diagnostics/";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Create(
        ("PAC0003", "The tier hierarchy is wrong", "PolicyAsCode.Tiers"),
        ("PAC0004", "A tier property matches no dimension, or its type differs", "PolicyAsCode.Tiers"),
        ("PAC0005", "A bound does not fit its dimension", "PolicyAsCode.Bounds"),
        ("PAC0009", "The generator cannot extend the tier type", "PolicyAsCode.Tiers"),
        ("PAC0010", "A waiver is claimed by a tier the bound does not delegate to", "PolicyAsCode.Bounds"),
        ("PAC0011", "A dimension's type or size is not supported", "PolicyAsCode.Tiers"),
        ("PAC0013", "A hazard category is not one of the custom hazards, or its code is unusable", "PolicyAsCode.Taxonomy"),
        ("PAC0015", "A custom benefit or risk is undeclared, or its declaration is unusable", "PolicyAsCode.Taxonomy"));

    /// <summary>Every descriptor the generator may report.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    /// <summary>The descriptor of a blocking problem's id (an id the table lacks gets one of its own, never none).</summary>
    public static DiagnosticDescriptor For(string id) =>
        ById.TryGetValue(id, out var descriptor) ? descriptor : Descriptor(id, "The generator cannot emit the policy", "PolicyAsCode.Tiers");

    /// <summary>
    /// The blocking problems of the policies the generator emits nothing for, each once (policies that share a
    /// broken tier, or an assembly's [HazardCategory], would otherwise repeat it), in a stable order.
    /// </summary>
    public static IEnumerable<PolicyProblem> Blocking(IEnumerable<PolicyModel?> policies)
    {
        var seen = new HashSet<(string, string, SourceLocation?)>();
        foreach (var policy in policies)
        {
            if (policy is null || policy.CanEmit)
            {
                continue;
            }

            foreach (var problem in policy.Problems.Where(p => p.BlocksEmission))
            {
                if (seen.Add((problem.Id, problem.Message, problem.Location)))
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>The diagnostic of a problem, at the file, span and lines the model kept.</summary>
    public static Diagnostic ToDiagnostic(PolicyProblem problem) =>
        Diagnostic.Create(For(problem.Id), problem.Location?.ToLocation() ?? Location.None, problem.Message);

    private static Dictionary<string, DiagnosticDescriptor> Create(params (string Id, string Title, string Category)[] rows)
    {
        var table = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var (id, title, category) in rows)
        {
            table[id] = Descriptor(id, title, category);
        }

        return table;
    }

    private static DiagnosticDescriptor Descriptor(string id, string title, string category) =>
        new(id, title, "{0}", category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: title + ".", helpLinkUri: HelpRoot + id + ".md", customTags: [WellKnownDiagnosticTags.NotConfigurable]);
}
