namespace PolicyAsCode.Documents;

/// <summary>
/// One value a user may be offered on a boolean, ordered-enum or string-list dimension, or one flag of a
/// <c>[Flags]</c> dimension: whether a request of it is granted as asked in the context, and if not, why.
/// </summary>
/// <param name="Value">
/// The value (for a flag: the member's flag mask); the request probed is this value, or for a flag the default with
/// the flag added.
/// </param>
/// <param name="Label">The member's name, as the wire format and the policy write it.</param>
/// <param name="Allowed">Whether a request of it is granted as asked (<see cref="PolicyInterpreter.Allowed"/> contains it).</param>
/// <param name="ExcludedBy">What resolution cites when it is asked for and not allowed; null exactly when allowed.</param>
/// <param name="Required">For a flag: whether every allowed value holds it (the allowed floor has it); false otherwise.</param>
public sealed record ChoiceOption(DimensionValue Value, string Label, bool Allowed, Exclusion? ExcludedBy, bool Required);
