namespace PolicyAsCode;

/// <summary>Why a requested value was not granted as asked (or was granted only under a waiver).</summary>
public enum AdjustmentCause
{
    /// <summary>The value lay outside a bound and was moved to the nearest allowed value.</summary>
    Clamped,

    /// <summary>The value lay outside a waivable bound whose waiver the user tier claims, so it was granted as asked.</summary>
    Waived,

    /// <summary>The value could not be read or lies outside the dimension's type; the strictest allowed value was granted.</summary>
    FailedClosed,

    /// <summary>The applicable bounds leave no value; the higher tiers' bound was kept and its strictest value granted.</summary>
    Contradiction,
}
