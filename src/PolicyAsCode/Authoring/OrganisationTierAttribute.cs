using System;

namespace PolicyAsCode;

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
