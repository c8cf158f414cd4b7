using System.Collections.Immutable;

namespace PolicyAsCode.Documents;

/// <summary>What a user may choose on one dimension in one context, and why anything else is not offered.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="JsonName">Its property name in preferences JSON (<see cref="Json.PreferenceNames.JsonName"/>).</param>
/// <param name="Title">Its title for people (<see cref="Json.PreferenceNames.Title"/>): "Memory days".</param>
/// <param name="Description">Its one-line description, or its name when it has none.</param>
/// <param name="Kind">
/// The kind of input it takes: <c>boolean</c>, <c>choice</c> (an ordered enum), <c>text</c> (a string from a list),
/// <c>integer</c>, <c>number</c> or <c>set</c> (a <c>[Flags]</c> enum); see <see cref="KindName"/>.
/// </param>
/// <param name="Default">The value a new user is granted in the context: the defaults resolved, as the schema's <c>default</c>.</param>
/// <param name="DefaultAdjustment">The adjustment resolving the defaults made on this dimension, or null.</param>
/// <param name="Allowed">What a request may hold and be granted as asked (<see cref="PolicyInterpreter.Allowed"/>).</param>
/// <param name="Options">For a boolean, ordered enum or string list, each member; for a set, each non-zero member (flag); else empty.</param>
/// <param name="Range">For an <see cref="int"/> or <see cref="double"/>, its range; else null.</param>
/// <param name="BoundedBy">The bounds that apply here, each "tier (bound, condition)", higher tiers first.</param>
/// <param name="Enables">Benefits the dimension enables.</param>
/// <param name="Mitigates">Risks the dimension mitigates.</param>
public sealed record DimensionChoices(
    DimensionInfo Dimension,
    string JsonName,
    string Title,
    string Description,
    string Kind,
    DimensionValue Default,
    Adjustment? DefaultAdjustment,
    Bound Allowed,
    ImmutableArray<ChoiceOption> Options,
    ChoiceRange? Range,
    ImmutableArray<string> BoundedBy,
    ImmutableArray<CardLink> Enables,
    ImmutableArray<CardLink> Mitigates)
{
    /// <summary>The input kind of a dimension kind, as <see cref="Kind"/> names it.</summary>
    public static string KindName(DimensionKind kind) => kind switch
    {
        DimensionKind.Boolean => "boolean",
        DimensionKind.Ordinal => "choice",
        DimensionKind.Choice => "text",
        DimensionKind.Integer => "integer",
        DimensionKind.Real => "number",
        _ => "set",
    };
}
