namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// How a test reads a value: through its encoding (a <c>DimensionValue</c>: <c>.Number</c>, <c>.Bits</c>), or, on the
/// fast path, straight from the typed property where that is exact (an int compared with int literals, a bool, an enum
/// valued 0, 1, 2, ..., a flags enum).
/// </summary>
/// <param name="Number">The value as a number.</param>
/// <param name="Bits">The value as bits: a position or a mask.</param>
/// <param name="IntegerLiterals">Whether a number compares with int literals (an <c>int</c> property).</param>
/// <param name="Boolean">The value as a <c>bool</c>, when it is one.</param>
internal sealed record ValueAccess(string Number, string Bits, bool IntegerLiterals, string? Boolean)
{
    /// <summary>A <c>DimensionValue</c> local.</summary>
    public static ValueAccess Encoded(string value) => new($"{value}.Number", $"{value}.Bits", false, null);

    /// <summary>A typed local read as it is.</summary>
    public static ValueAccess Typed(string value, bool integerLiterals = false, bool boolean = false) =>
        new(value, value, integerLiterals, boolean ? value : null);
}
