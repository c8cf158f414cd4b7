using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Emitting;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Generators;

/// <summary>
/// Compiles each <c>[UserTier]</c> record, with the tiers above it, into an evaluator and a registry.
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
                static (syntax, cancellation) => syntax.TargetSymbol is INamedTypeSymbol type
                    ? PolicyReader.Read(type, syntax.SemanticModel.Compilation, cancellation)
                    : null)
            .WithTrackingName(TrackingNames.Policies);

        var emittable = policies
            .Where(static policy => policy is not null && policy.CanEmit)
            .WithTrackingName(TrackingNames.EmittablePolicies);

        context.RegisterSourceOutput(emittable, static (output, policy) =>
            output.AddSource(HintName(policy!), EvaluatorEmitter.Emit(policy!)));
    }

    private static string HintName(PolicyModel policy) => policy.UserTier.FullName.Replace('<', '_').Replace('>', '_') + ".Policy.g.cs";
}
