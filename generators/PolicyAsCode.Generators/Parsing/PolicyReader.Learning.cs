using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Diagnostics;
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

        _problems.Add(Problems.LearnableKindUnsupported(name, KindText(kind), SourceLocation.From(marked.ApplicationSyntaxReference) ?? location));
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
                    _problems.Add(Problems.LearnableOnHigherTier(tier.Type.Name, dimension.Name, Ranks.Describe(tier.Rank), location));
                }

                continue;
            }

            if (tier.Rank == Ranks.User)
            {
                _problems.Add(Problems.LearningLimitOnUserTier(source, tier.Type.Name, dimension.Name, location));
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
                _problems.Add(Problems.LearningRangeKindUnsupported(source, dimension.Name, KindText(dimension.Kind), location));
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
                _problems.Add(Problems.BoundValueUnusable(source, dimension.Name, error, location));
                continue;
            }

            var range = Lattice.Build(dimension.Domain, BoundForm.Between, lo, hi);
            if (Lattice.IsEmpty(range))
            {
                _problems.Add(Problems.BoundAllowsNoValue(source, dimension.Name, location));
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
