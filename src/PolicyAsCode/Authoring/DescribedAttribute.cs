using System;

namespace PolicyAsCode;

/// <summary>A one-line description of a dimension, for the policy card and settings UIs.</summary>
/// <param name="text">The description.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class DescribedAttribute(string text) : Attribute
{
    /// <summary>The description.</summary>
    public string Text { get; } = text;
}
