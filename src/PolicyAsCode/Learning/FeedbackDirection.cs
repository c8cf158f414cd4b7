// serve: placeholder until learn merges
namespace PolicyAsCode.Learning;

/// <summary>Which way feedback moves a dimension, in the dimension's own order.</summary>
public enum FeedbackDirection
{
    /// <summary>Towards the lower end of the dimension's order (for example fewer words).</summary>
    Lower = -1,

    /// <summary>Towards the higher end of the dimension's order.</summary>
    Higher = 1,
}
