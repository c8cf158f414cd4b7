using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode;

/// <summary>
/// Everything the semantics answer about a policy, as text: its shape in words, then for every dimension, jurisdiction
/// (the fail-closed one included) and context the bounds that apply and what they allow, then what
/// <see cref="OverrideCheck"/> finds. Build time and run time must print the same text for the same policy; tests
/// compare them, and it is a readable dump of a policy's semantics.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class ShapeText
{
    /// <summary>The text of <paramref name="shape"/>, with each dimension worded by <paramref name="words"/> (in dimension order).</summary>
    public static string Of(PolicyShape shape, IReadOnlyList<DimensionWords> words)
    {
        var text = new StringBuilder();
        for (var t = 0; t < shape.Tiers.Length; t++)
        {
            text.Append("tier ").Append(t).Append(": ").Append(Wording.Tier(shape, t)).Append('\n');
        }

        text.Append("jurisdictions: ").Append(string.Join(", ", shape.Jurisdictions)).Append('\n');
        foreach (var set in shape.NeverTogether)
        {
            text.Append("never together: ").Append(Wording.Facts(set)).Append('\n');
        }

        foreach (var bound in shape.Bounds)
        {
            text.Append("bound ").Append(bound.Index).Append(" on ").Append(bound.Dimension).Append(" by tier ").Append(bound.Tier).Append(": ")
                .Append(Wording.Bound(words[bound.Dimension], bound.Bound)).Append(", ").Append(Wording.Condition(bound.Condition))
                .Append(bound.WaivableBy is { } rank ? ", waivable by " + Wording.Rank(rank) : string.Empty)
                .Append(bound.UnderLaw >= 0 ? ", under the " + Wording.Tier(shape, bound.UnderLaw) : string.Empty).Append('\n');
        }

        foreach (var claim in shape.Claims)
        {
            text.Append("claim on ").Append(claim.Dimension).Append(" by tier ").Append(claim.Claimant).Append(" of tier ").Append(claim.Waived)
                .Append(": ").Append(Wording.Condition(claim.Condition)).Append(claim.IsDelegated ? ", delegated" : ", not delegated").Append('\n');
        }

        foreach (var value in shape.Values)
        {
            text.Append("value on ").Append(value.Dimension).Append(" by tier ").Append(value.Tier).Append(": ").Append(Wording.Value(words[value.Dimension], value.Value)).Append('\n');
        }

        for (var d = 0; d < shape.Dimensions.Length; d++)
        {
            for (var j = -1; j < shape.Jurisdictions.Length; j++)
            {
                foreach (var context in ContextSpace.Every(shape.JurisdictionName(j), shape.FactsOn(d), shape.NeverTogether))
                {
                    var narrowing = Binding.Narrow(shape, d, j, context);
                    var allowed = narrowing.Allowed(shape.Dimensions[d]);
                    text.Append("dimension ").Append(d).Append(" in ").Append(shape.JurisdictionName(j) ?? "(every law)").Append(' ')
                        .Append(ContextSpace.Describe(context, shape.FactsOn(d))).Append(": ").Append(Wording.Bound(words[d], allowed))
                        .Append(" (").Append(Wording.Allows(words[d], allowed)).Append(')')
                        .Append(narrowing.Conflict >= 0 ? ", bound " + narrowing.Conflict + " contradicts" : string.Empty)
                        .Append(narrowing.AnyWaived ? ", waived" : string.Empty).Append('\n');
                }
            }
        }

        foreach (var found in OverrideCheck.All(shape))
        {
            text.Append(found.Kind.ToString()).Append(" override on ").Append(found.Dimension).Append(" by tier ").Append(found.Tier)
                .Append(found.Bound >= 0 ? " bound " + found.Bound : " value " + Wording.Value(words[found.Dimension], found.Value))
                .Append(" in ").Append(shape.JurisdictionName(found.Jurisdiction) ?? "(no law)").Append(' ')
                .Append(ContextSpace.Describe(found.Witness, found.Relevant)).Append(found.InEveryContext ? ", in every context" : string.Empty)
                .Append(", breaking ").Append(found.Higher).Append(", which allows ").Append(Wording.Bound(words[found.Dimension], found.HigherAllows)).Append('\n');
        }

        return text.ToString();
    }
}
