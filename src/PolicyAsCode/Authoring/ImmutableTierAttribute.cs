using System;

namespace PolicyAsCode;

/// <summary>
/// Marks a <c>partial record</c> as tier 1: restrictions set by law for one jurisdiction, which no lower tier may loosen.
/// </summary>
/// <param name="jurisdiction">The jurisdiction the request context names to select this tier, e.g. <c>"EU"</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ImmutableTierAttribute(string jurisdiction) : Attribute
{
    /// <summary>The jurisdiction this tier applies in.</summary>
    public string Jurisdiction { get; } = jurisdiction;

    /// <summary>
    /// The laws of the jurisdictions this one sits within: national law inside supra-national law, e.g.
    /// <c>[ImmutableTier("DE", Within = [typeof(EuLaw)])]</c>. A request in DE then applies DE law and EU law; this
    /// law may only narrow the laws it is within. Empty for a law within no other.
    /// </summary>
    public Type[] Within { get; set; } = [];
}
