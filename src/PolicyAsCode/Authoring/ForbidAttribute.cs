using System;

namespace PolicyAsCode;

/// <summary>On a tier record: content showing any of these hazards is refused.</summary>
/// <param name="hazards">The forbidden hazards.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ForbidAttribute(Hazard hazards) : Attribute
{
    /// <summary>The forbidden hazards.</summary>
    public Hazard Hazards { get; } = hazards;

    /// <summary>
    /// The rule applies only when this one fact holds (or is not known to be false). Several facts go in
    /// <see cref="WhenAll"/> (PAC0021).
    /// </summary>
    public Fact When { get; set; }

    /// <summary>
    /// The rule applies only when all these facts hold (or none is known to be false). Not with <see cref="When"/> (PAC0022).
    /// </summary>
    public Fact WhenAll { get; set; }

    /// <summary>The rule applies unless this one fact is known to hold. Several facts go in <see cref="UnlessAll"/> (PAC0021).</summary>
    public Fact Unless { get; set; }

    /// <summary>The rule applies unless all these facts are known to hold. Not with <see cref="Unless"/> (PAC0022).</summary>
    public Fact UnlessAll { get; set; }

    /// <summary>Why the hazards are forbidden.</summary>
    public string? Reason { get; set; }

    /// <summary>The risks of personalisation the rule mitigates, for the policy card and every refusal it causes.</summary>
    public Risk[] Mitigates { get; set; } = [];
}
