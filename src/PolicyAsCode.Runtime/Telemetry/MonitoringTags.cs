namespace PolicyAsCode.Runtime;

/// <summary>
/// The attribute names of the fleet-status gauge and the societal-monitoring instruments, besides those of
/// <see cref="PolicyTelemetry"/> they share (policy, jurisdiction, dimension, tier, hazard, adjustment cause).
/// </summary>
public static class MonitoringTags
{
    /// <summary>Attribute: the compiled policy's version (its fingerprint) under any overlay.</summary>
    public const string CompiledVersion = "policyascode.policy.compiled_version";

    /// <summary>Attribute: how many policies were swapped in before the one in force, in this process (0: the compiled policy at start).</summary>
    public const string OverlayRevision = "policyascode.overlay.revision";

    /// <summary>Attribute: a value bucket, as the policy fixes it: a member or flag name, a bound's end, a range between two, or <c>unreadable</c>.</summary>
    public const string ValueBucket = "policyascode.value.bucket";

    /// <summary>Attribute: a bound as written, e.g. <c>AtMost(Maturity.Teen)</c>, or <c>none</c>.</summary>
    public const string Bound = "policyascode.bound";

    /// <summary>Attribute: when a bound applies, e.g. <c>when Minor</c>, or <c>always</c>.</summary>
    public const string BoundCondition = "policyascode.bound.condition";
}
