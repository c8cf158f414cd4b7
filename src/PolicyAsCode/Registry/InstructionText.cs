namespace PolicyAsCode;

/// <summary>One <see cref="InstructionAttribute"/> of a dimension, as compiled: which values it words, and how.</summary>
/// <param name="Template">The sentence, with the placeholders <see cref="InstructionAttribute"/> lists.</param>
/// <param name="For">The only value it words, encoded on the dimension's lattice; null for any value.</param>
/// <param name="Waived">Whether it words only a value held by a waiver.</param>
public sealed record InstructionText(string Template, DimensionValue? For, bool Waived)
{
    /// <summary>
    /// How well it fits <paramref name="value"/> (held by a waiver when <paramref name="waived"/>): -1 when it does not,
    /// else higher for a closer fit (a value named beats any value, a waiver named beats none).
    /// </summary>
    public int Fit(DimensionValue value, bool waived)
    {
        if ((For is { } only && only != value) || (Waived && !waived))
        {
            return -1;
        }

        return (For is null ? 0 : 2) + (Waived ? 1 : 0);
    }
}
