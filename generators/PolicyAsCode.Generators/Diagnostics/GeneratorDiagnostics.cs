using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// What the generator reports itself: every problem that makes it emit nothing for a policy, with the descriptor the
/// analysers report it with, so a build that runs the generator without the analysers (<c>RunAnalyzers=false</c>)
/// still says why a policy has no evaluator. These descriptors cannot be configured: a severity of <c>none</c> would
/// leave a build that passes without its evaluator.
/// </summary>
internal static class GeneratorDiagnostics
{
    /// <summary>Every descriptor the generator may report: those of the ids whose problems block it.</summary>
    public static IEnumerable<DiagnosticDescriptor> All =>
        Descriptors.All.Where(d => d.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable));

    /// <summary>
    /// The blocking problems of the policies the generator emits nothing for, each once (policies that share a
    /// broken tier, or an assembly's [HazardCategory], would otherwise repeat it), in a stable order.
    /// </summary>
    public static IEnumerable<PolicyProblem> Blocking(IEnumerable<PolicyModel?> policies)
    {
        var seen = new HashSet<PolicyProblem>();
        foreach (var policy in policies)
        {
            if (policy is null || policy.CanEmit)
            {
                continue;
            }

            foreach (var problem in policy.Problems.Where(p => p.BlocksEmission))
            {
                if (seen.Add(problem))
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>The diagnostic of a problem, at the file, span and lines the model kept.</summary>
    public static Diagnostic ToDiagnostic(PolicyProblem problem) =>
        Diagnostic.Create(problem.Descriptor, problem.Location?.ToLocation() ?? Location.None, [.. problem.Arguments]);
}
