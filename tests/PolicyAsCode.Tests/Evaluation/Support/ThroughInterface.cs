using System;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>Calls the generated members a record implements explicitly, which only the interface reaches.</summary>
internal static class ThroughInterface
{
    /// <summary><see cref="IUserTierPolicy{TSelf}.GrantedValues"/> of <typeparamref name="TPolicy"/>.</summary>
    public static void GrantedValues<TPolicy>(TPolicy? requested, in PolicyContext context, Span<DimensionValue> values)
        where TPolicy : class, IUserTierPolicy<TPolicy> => TPolicy.GrantedValues(requested, context, values);
}
