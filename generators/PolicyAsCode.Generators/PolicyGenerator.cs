using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Emitting;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Generators;

/// <summary>
/// Compiles each <c>[UserTier]</c> record, with the tiers above it, into an evaluator and a registry, and a preferences JSON reader and writer;
/// for a policy it cannot compile, reports why (see <see cref="GeneratorDiagnostics"/>).
/// Parse (symbols to <see cref="PolicyModel"/>) and emit (model to text) are separate; only the model,
/// a pure value, flows between them, so unrelated edits leave the output cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PolicyGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var policies = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.UserTierAttribute,
                static (node, _) => node is RecordDeclarationSyntax,
                static (syntax, cancellation) => syntax.TargetSymbol is INamedTypeSymbol type && IsFirstUserTierDeclaration(type, syntax.TargetNode)
                    ? Read(type, syntax.TargetNode.SyntaxTree, syntax.SemanticModel.Compilation, cancellation)
                    : null)
            .WithTrackingName(TrackingNames.Policies);

        // Pipeline 2: the source outputs get the model without locations or problems, so an edit that only moves a
        // policy in its file (which changes its locations, hence the model above) re-emits nothing.
        var emittable = policies
            .Where(static policy => policy is not null && policy.CanEmit)
            .Select(static (policy, _) => policy!.ForEmission())
            .WithTrackingName(TrackingNames.EmittablePolicies);

        context.RegisterSourceOutput(emittable, static (output, policy) =>
            output.AddSource(HintName(policy), EvaluatorEmitter.Emit(policy)));
        context.RegisterSourceOutput(emittable, static (output, policy) =>
            output.AddSource(BaseName(policy) + PreferencesJsonEmitter.HintSuffix, PreferencesJsonEmitter.Emit(policy)));

        // A policy the generator emits nothing for says why, as an error no configuration silences, whether or not the
        // analysers run. Only the blocked policies flow on (usually none), and each problem is reported once: policies
        // sharing a broken tier, or an assembly's [HazardCategory], would repeat it. Each location is the file and span
        // the model kept (no compilation joins this step, so an unrelated edit leaves it cached).
        var blocked = policies
            .Where(static policy => policy is not null && !policy.CanEmit)
            .Collect();
        context.RegisterSourceOutput(blocked, static (output, models) =>
        {
            foreach (var problem in GeneratorDiagnostics.Blocking(models))
            {
                output.ReportDiagnostic(GeneratorDiagnostics.ToDiagnostic(problem));
            }
        });
    }

    // The analysers of the same build may read the policy from this compilation, whose attributes are now bound.
    private static PolicyModel? Read(INamedTypeSymbol userTier, SyntaxTree file, Compilation compilation, System.Threading.CancellationToken cancellation)
    {
        var policy = PolicyReader.Read(userTier, compilation, cancellation);
        GeneratorCompilations.Remember(file, compilation);
        return policy;
    }

    /// <summary>
    /// Whether <paramref name="declaration"/> carries the type's first <c>[UserTier]</c>. A type whose partial
    /// declarations repeat the attribute (an error the compiler reports) is matched once per declaration;
    /// reading it once keeps the hint name unique, so the generator does not fail for every policy of the project.
    /// </summary>
    private static bool IsFirstUserTierDeclaration(INamedTypeSymbol type, SyntaxNode declaration)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.UserTierAttribute)
            {
                var applied = attribute.ApplicationSyntaxReference;
                return applied is null || (applied.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(applied.Span));
            }
        }

        return true;
    }

    // A hint name may not hold '@' (a keyword spelled as a name, namespace S.@class) or '<', '>'.
    private static string HintName(PolicyModel policy) => BaseName(policy) + ".Policy.g.cs";

    private static string BaseName(PolicyModel policy) =>
        policy.UserTier.FullName.Replace("@", string.Empty).Replace('<', '_').Replace('>', '_');
}
