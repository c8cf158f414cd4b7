using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

// Learning from feedback: [Learnable] on the user tier's dimensions, [NotLearnable] and [LearnWithin] on higher tiers.
// Misuse is PAC0005 (the attribute does not fit its dimension or tier) and blocks emission, as other misfits do.
internal sealed partial class PolicyReader
{
    private readonly List<LearningModel> _learning = [];

    /// <summary>Whether the user tier marks a dimension learnable; a kind that cannot be learned is an error.</summary>
    private bool ReadLearnable(ImmutableArray<AttributeData> attributes, string name, DimensionKind kind, SourceLocation? location)
    {
        var marked = attributes.FirstOrDefault(a => KnownNames.Is(a.AttributeClass, KnownNames.LearnableAttribute));
        if (marked is null)
        {
            return false;
        }

        if (kind is DimensionKind.Ordinal or DimensionKind.Integer or DimensionKind.Real or DimensionKind.Boolean)
        {
            return true;
        }

        _problems.Add(new PolicyProblem(
            "PAC0005",
            $"[Learnable] cannot apply to {name}: only an ordered enum, int, double or bool dimension can be learned from feedback, not a {KindText(kind)}",
            SourceLocation.From(marked.ApplicationSyntaxReference) ?? location,
            true));
        return false;
    }

    /// <summary>A tier's [NotLearnable] and [LearnWithin] on its property of a dimension.</summary>
    private void ReadLearningRules(DeclaredTier tier, DimensionModel dimension, ITypeSymbol dimensionType, ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            var notLearnable = KnownNames.Is(attribute.AttributeClass, KnownNames.NotLearnableAttribute);
            var within = KnownNames.Is(attribute.AttributeClass, KnownNames.LearnWithinAttribute);
            var learnable = KnownNames.Is(attribute.AttributeClass, KnownNames.LearnableAttribute);
            if (!notLearnable && !within && !learnable)
            {
                continue;
            }

            var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
            var source = SourceText(attribute);
            if (learnable)
            {
                if (tier.Rank != Ranks.User)
                {
                    _problems.Add(new PolicyProblem("PAC0005", $"[Learnable] on {tier.Type.Name}.{dimension.Name}: only the user tier marks a dimension learnable; a {Ranks.Describe(tier.Rank)} may narrow learning with [LearnWithin] or forbid it with [NotLearnable]", location, true));
                }

                continue;
            }

            if (tier.Rank == Ranks.User)
            {
                _problems.Add(new PolicyProblem("PAC0005", $"[{source}] on {tier.Type.Name}.{dimension.Name}: only a law or an organisation limits learning; the user tier marks a dimension [Learnable] or not", location, true));
                continue;
            }

            var reason = attribute.NamedArguments.FirstOrDefault(a => a.Key == KnownNames.Reason).Value.Value as string;
            if (notLearnable)
            {
                _learning.Add(new LearningModel(tier.Index, dimension.Index, true, dimension.Domain, source, reason, location));
                continue;
            }

            if (dimension.Kind is not (DimensionKind.Ordinal or DimensionKind.Integer or DimensionKind.Real))
            {
                _problems.Add(new PolicyProblem("PAC0005", $"{source} cannot apply to {dimension.Name}: a learning range needs an ordered enum, int or double dimension, not a {KindText(dimension.Kind)}", location, true));
                continue;
            }

            var arguments = attribute.ConstructorArguments;
            var error = "give lo and hi";
            var lo = default(DimensionValue);
            var hi = default(DimensionValue);
            if (arguments.Length != 2
                || !ConstantEncoder.TryEncode(dimension, dimensionType, arguments[0], out lo, out error)
                || !ConstantEncoder.TryEncode(dimension, dimensionType, arguments[1], out hi, out error))
            {
                _problems.Add(new PolicyProblem("PAC0005", $"{source} on {dimension.Name}: {error}", location, true));
                continue;
            }

            var range = Lattice.Build(dimension.Domain, BoundForm.Between, lo, hi);
            if (Lattice.IsEmpty(range))
            {
                _problems.Add(new PolicyProblem("PAC0005", $"{source} on {dimension.Name} allows no value (is lo above hi?)", location, true));
                continue;
            }

            _learning.Add(new LearningModel(tier.Index, dimension.Index, false, range, source, reason, location));
        }
    }

    private static string KindText(DimensionKind kind) => kind switch
    {
        DimensionKind.Set => "[Flags] enum",
        DimensionKind.Choice => "string",
        DimensionKind.Boolean => "bool",
        DimensionKind.Integer => "int",
        DimensionKind.Real => "double",
        _ => "enum",
    };
}
