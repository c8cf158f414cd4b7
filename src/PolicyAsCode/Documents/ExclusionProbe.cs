using System;

namespace PolicyAsCode.Documents;

/// <summary>
/// Asks the reference interpreter why a value is excluded: it resolves a request holding the value (every other
/// dimension at its default) in the context, and returns the adjustment resolution made there.
/// </summary>
internal sealed class ExclusionProbe(PolicyInterpreter interpreter, PolicyContext context, DimensionValue[] defaults)
{
    private readonly DimensionValue[] _request = (DimensionValue[])defaults.Clone();

    /// <summary>The exclusion of <paramref name="value"/>, which <see cref="PolicyInterpreter.Allowed"/> does not contain.</summary>
    /// <exception cref="InvalidOperationException">Resolution grants the value as asked: Allowed and Resolve disagree.</exception>
    public Exclusion Exclude(DimensionInfo dimension, DimensionValue value)
    {
        var d = dimension.Index;
        var kept = _request[d];
        _request[d] = value;
        try
        {
            var resolution = interpreter.Resolve(_request, context);
            foreach (var adjustment in resolution.Adjustments)
            {
                if (adjustment.Dimension.Index == d && adjustment.Granted != value)
                {
                    return new Exclusion(adjustment) { Registry = interpreter.Registry };
                }
            }

            // Allowed is meant to hold exactly what resolution grants as asked; failing closed beats offering a
            // value with no reason or hiding one for no reason.
            throw new InvalidOperationException(
                $"{interpreter.Registry.Name}: {dimension.Name} = {dimension.Format(value)} lies outside the allowed values "
                + $"{dimension.Format(interpreter.Allowed(d, context))}, yet resolution grants it as asked; the policy's semantics disagree.");
        }
        finally
        {
            _request[d] = kept;
        }
    }
}
