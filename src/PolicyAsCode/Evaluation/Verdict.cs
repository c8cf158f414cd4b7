namespace PolicyAsCode;

/// <summary>Allow or refuse.</summary>
public enum Verdict
{
    /// <summary>Refuse the content (the default, so an uninitialised decision fails closed).</summary>
    Refuse = 0,

    /// <summary>Allow the content.</summary>
    Allow = 1,
}
