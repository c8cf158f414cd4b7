using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>What <see cref="Wording"/> needs to put a dimension's values and bounds in words: its kind and members.</summary>
/// <param name="Kind">The dimension's lattice.</param>
/// <param name="Members">Member names by position (boolean, ordinal, choice) or flag names (set); empty for numbers.</param>
/// <param name="MemberValues">The underlying value of each member or flag.</param>
/// <param name="Domain">Every value of the dimension's type.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct DimensionWords(DimensionKind Kind, ImmutableArray<string> Members, ImmutableArray<long> MemberValues, Bound Domain);
