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

/// <summary>Marks a <c>partial record</c> as tier 2: the restrictions and defaults of the organisation that deploys the assistant.</summary>
/// <param name="name">A stable name of the organisation, e.g. <c>"contoso-learning"</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OrganisationTierAttribute(string name) : Attribute
{
    /// <summary>The organisation's stable name.</summary>
    public string Name { get; } = name;

    /// <summary>The immutable tiers (one per jurisdiction the organisation is deployed in) this tier narrows.</summary>
    public Type[] Within { get; set; } = [];
}

/// <summary>
/// Marks a <c>partial record</c> as tier 3: the user's preferences. Its properties are the dimensions a user
/// may personalise and its initialisers the user defaults. The generator adds the evaluator to this record.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class UserTierAttribute : Attribute
{
    /// <summary>The tiers this tier narrows: usually one organisation tier.</summary>
    public Type[] Within { get; set; } = [];
}
