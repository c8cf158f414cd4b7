using System;

namespace PolicyAsCode;

/// <summary>
/// How the assistant is told a user-tier dimension's effective value: one sentence of its instructions, for example
/// <c>[Instruction("Length of answers: {value:lower}.")]</c>. Without one, the instruction is the dimension's
/// <see cref="DescribedAttribute"/> text (else its name) and the value. Several may be given: one for a particular value
/// (<see cref="For"/>), one for a value a user holds by a waiver (<see cref="Waived"/>), one for every other value; the
/// most specific that matches is used.
/// </summary>
/// <remarks>
/// Placeholders: <c>{value}</c> the value as the policy card words it (<c>Teen</c>, <c>Science | History</c>, <c>30</c>),
/// <c>{value:lower}</c> the same in lower case, <c>{value:list}</c> a set's members separated by commas, and
/// <c>{value:language}</c> a language code as its English name (<c>French (fr)</c>).
/// </remarks>
/// <param name="text">The sentence, with placeholders.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class InstructionAttribute(string text) : Attribute
{
    /// <summary>The sentence, with placeholders.</summary>
    public string Text { get; } = text;

    /// <summary>When set, the sentence is only for this value of the dimension (a constant of its type).</summary>
    public object? For { get; set; }

    /// <summary>When true, the sentence is only for a value the user holds by waiving a higher tier's bound.</summary>
    public bool Waived { get; set; }
}
