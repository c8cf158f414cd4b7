namespace PolicyAsCode.Runtime;

/// <summary>Options of the decision log.</summary>
public sealed class PolicyDecisionLogOptions
{
    /// <summary>
    /// Whether each entry carries the content decided on (the user's message or the model's answer). Off by default:
    /// the log then holds the policy version, jurisdiction, resolution, decision and reasons, but no user content.
    /// </summary>
    public bool IncludeContent { get; set; }

    /// <summary>Whether to write one entry per decision (on by default).</summary>
    public bool Enabled { get; set; } = true;
}
