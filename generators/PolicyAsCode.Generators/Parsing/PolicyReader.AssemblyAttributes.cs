using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Json;

namespace PolicyAsCode.Generators.Parsing;

// What an assembly declares for all its policies: [HazardCategory] and [NeverTogether].
internal sealed partial class PolicyReader
{
    // [assembly: NeverTogether(Fact.Minor, Fact.VerifiedAdult)]: contexts in which all of them hold are not checked. A
    // malformed declaration is reported and ignored: without it more contexts are checked, never fewer.
    private EquatableArray<uint> ReadNeverTogether()
    {
        var sets = new List<uint>();
        foreach (var attribute in _compilation.Assembly.GetAttributes())
        {
            if (!KnownNames.Is(attribute.AttributeClass, KnownNames.NeverTogetherAttribute) || attribute.ConstructorArguments.Length != 1)
            {
                continue;
            }

            var facts = attribute.ConstructorArguments[0];
            var set = 0u;
            var count = 0;
            foreach (var fact in facts.Kind == TypedConstantKind.Array && !facts.IsNull ? facts.Values : [])
            {
                if (fact.Value is uint bit && bit != 0 && (bit & (bit - 1)) == 0 && (set & bit) == 0)
                {
                    set |= bit;
                    count++;
                }
                else
                {
                    count = -1;
                    break;
                }
            }

            if (count < 2)
            {
                _problems.Add(Problems.NeverTogetherTooFewFacts(SourceLocation.From(attribute.ApplicationSyntaxReference)));
                continue;
            }

            sets.Add(set);
        }

        return sets.ToEquatableArray();
    }

    /// <summary>
    /// The assembly's <c>[HazardCategory]</c>s. They are part of every policy of the assembly: a classifier is told
    /// each category's code and description and maps its answers back to the category's bit, which the policies'
    /// <c>[Forbid]</c>s test. A category that cannot be used as written (a shipped or undefined bit, an empty code, a
    /// code of the shipped S1–S14 family or one already taken, a bit named twice with other words) is PAC0013 and blocks every policy:
    /// ignoring it could leave a forbidden hazard that no classifier ever reports, or let a custom code shadow a shipped one.
    /// </summary>
    private EquatableArray<HazardModel> ReadCustomHazards()
    {
        var hazards = new List<HazardModel>();
        foreach (var attribute in _compilation.Assembly.GetAttributes())
        {
            if (!KnownNames.Is(attribute.AttributeClass, KnownNames.HazardCategoryAttribute))
            {
                continue;
            }

            var location = SourceLocation.From(attribute.ApplicationSyntaxReference);
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length != 3 || arguments[0].Kind == TypedConstantKind.Error || arguments[0].Value is not ulong bit)
            {
                // The compiler reports an attribute it cannot bind; there is nothing to read.
                _problems.Add(Problems.HazardCategoryNotConstant(location));
                continue;
            }

            var code = arguments[1].Value as string;
            var description = arguments[2].Value as string;
            PolicyProblem? problem = null;
            if ((bit & ~CustomHazardBits) != 0 || bit == 0 || (bit & (bit - 1)) != 0)
            {
                problem = Problems.HazardCategoryNotCustom(bit, location);
            }
            else if (string.IsNullOrWhiteSpace(code) || code!.Trim() != code || code.Any(char.IsControl))
            {
                problem = Problems.HazardCategoryNeedsCode(CustomNumber(bit), location);
            }
            else if (string.IsNullOrWhiteSpace(description))
            {
                problem = Problems.HazardCategoryNeedsDescription(code, location);
            }
            else if (IsShippedCodeForm(code))
            {
                problem = Problems.HazardCodeOfShippedForm(code, CustomNumber(bit), location);
            }
            else if (hazards.Any(h => h.Hazard == bit && h.Code == code && h.Description == description))
            {
                // The same category written twice (each file of a project may say it) is one category.
                continue;
            }
            else if (hazards.FirstOrDefault(h => h.Hazard == bit) is { } sameBit)
            {
                problem = Problems.HazardBitNamedTwice(CustomNumber(bit), sameBit.Code, location);
            }
            else if (hazards.FirstOrDefault(h => string.Equals(h.Code, code, StringComparison.OrdinalIgnoreCase)) is { } sameCode)
            {
                problem = Problems.HazardCodeTaken(code, CustomNumber(sameCode.Hazard), location);
            }

            if (problem is not null)
            {
                _problems.Add(problem);
                continue;
            }

            hazards.Add(new HazardModel(bit, code!, description!));
        }

        return hazards.ToEquatableArray();
    }

    private static int CustomNumber(ulong bit)
    {
        var number = 1;
        for (var b = bit >> 32; b > 1; b >>= 1)
        {
            number++;
        }

        return number;
    }

    // "S" (either case) and digits: the Llama Guard codes of the shipped taxonomy, matched before custom codes are.
    private static bool IsShippedCodeForm(string code) =>
        code.Length >= 2 && (code[0] == 'S' || code[0] == 's') && code.Skip(1).All(c => c >= '0' && c <= '9');
}
