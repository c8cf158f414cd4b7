using System;

namespace PolicyAsCode;

/// <summary>The benefits of personalisation this dimension or bound enables.</summary>
/// <param name="benefits">Benefits from the taxonomy.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EnablesAttribute(params Benefit[] benefits) : Attribute
{
    /// <summary>The benefits enabled.</summary>
    public Benefit[] Benefits { get; } = benefits;
}

/// <summary>The risks of personalisation this dimension or bound mitigates.</summary>
/// <param name="risks">Risks from the taxonomy.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MitigatesAttribute(params Risk[] risks) : Attribute
{
    /// <summary>The risks mitigated.</summary>
    public Risk[] Risks { get; } = risks;
}

/// <summary>A one-line description of a dimension, for the policy card and settings UIs.</summary>
/// <param name="text">The description.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class DescribedAttribute(string text) : Attribute
{
    /// <summary>The description.</summary>
    public string Text { get; } = text;
}
