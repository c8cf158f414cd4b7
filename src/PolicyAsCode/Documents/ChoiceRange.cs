namespace PolicyAsCode.Documents;

/// <summary>
/// The numbers a user may choose on an <see cref="int"/> or <see cref="double"/> dimension in a context, within the
/// numbers its type holds, and why the nearest numbers outside are not offered.
/// </summary>
/// <param name="Minimum">The least number a request may hold and be granted as asked.</param>
/// <param name="Maximum">The greatest such number.</param>
/// <param name="DomainMinimum">The least number of the type (<see cref="int.MinValue"/>, or -<see cref="double.MaxValue"/>).</param>
/// <param name="DomainMaximum">The greatest number of the type.</param>
/// <param name="BelowMinimum">
/// What resolution cites for a number just below <paramref name="Minimum"/>; null when the minimum is the type's own.
/// For an <see cref="int"/> the number asked is one less; for a <see cref="double"/> it is 1, 0.1 or 0.01 less when
/// resolution cites the same bound there as for the next <see cref="double"/> down (so the explanation reads
/// "asked -1" rather than "asked -5E-324"), else that next double. <see cref="Exclusion.Adjustment"/> holds the number asked.
/// </param>
/// <param name="AboveMaximum">What resolution cites for a number just above <paramref name="Maximum"/>, chosen alike; null when the maximum is the type's own.</param>
public sealed record ChoiceRange(
    double Minimum,
    double Maximum,
    double DomainMinimum,
    double DomainMaximum,
    Exclusion? BelowMinimum,
    Exclusion? AboveMaximum);
