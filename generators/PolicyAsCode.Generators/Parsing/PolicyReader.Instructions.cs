using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

internal sealed partial class PolicyReader
{
    /// <summary>
    /// The dimension's [Instruction] sentences, each For value encoded on the dimension's lattice as bounds are, so the
    /// renderer compares values, not spellings. A For that is not a value of the dimension is a mistyped constant (PAC0005).
    /// </summary>
    private EquatableArray<InstructionModel> Instructions(IPropertySymbol property, ImmutableArray<AttributeData> attributes, DimensionModel dimension, SourceLocation? location)
    {
        var instructions = new List<InstructionModel>();
        foreach (var attribute in attributes)
        {
            if (!KnownNames.Is(attribute.AttributeClass, KnownNames.InstructionAttribute)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not string text)
            {
                continue;
            }

            DimensionValue? only = null;
            var waived = false;
            var valid = true;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Waived" && named.Value.Value is bool w)
                {
                    waived = w;
                }
                else if (named.Key == "For")
                {
                    if (ConstantEncoder.TryEncode(dimension, property.Type, named.Value, out var value, out var error))
                    {
                        only = value;
                    }
                    else
                    {
                        valid = false;
                        var at = SourceLocation.From(attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation()) ?? location;
                        _problems.Add(Problems.BoundValueUnusable("[Instruction(For = ...)]", property.Name, error, at));
                    }
                }
            }

            if (valid)
            {
                instructions.Add(new InstructionModel(text, only, waived));
            }
        }

        return instructions.ToEquatableArray();
    }
}
