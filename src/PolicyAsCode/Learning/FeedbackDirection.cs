namespace PolicyAsCode.Learning;

/// <summary>Which way feedback pushes a dimension, in the dimension's own order (position, number, false before true).</summary>
public enum FeedbackDirection
{
    /// <summary>Towards the lower end: an earlier member, a smaller number, false.</summary>
    Lower = -1,

    /// <summary>Towards the higher end: a later member, a larger number, true.</summary>
    Higher = 1,
}
