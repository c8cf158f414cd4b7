namespace PolicyAsCode.Monitoring;

/// <summary>Which value of a resolution a <see cref="ValueCount"/> counts.</summary>
public enum ValueSide
{
    /// <summary>What users asked for.</summary>
    Requested,

    /// <summary>What users got.</summary>
    Effective,
}
