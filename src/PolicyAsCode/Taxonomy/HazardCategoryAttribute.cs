using System;

namespace PolicyAsCode;

/// <summary>Names a project-defined hazard category, so registries, cards and classifiers can report it.</summary>
/// <param name="hazard">One of <see cref="Hazard.Custom1"/>…<see cref="Hazard.Custom8"/>.</param>
/// <param name="code">A stable code, e.g. <c>"X1"</c>.</param>
/// <param name="description">One line saying what content falls in the category.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class HazardCategoryAttribute(Hazard hazard, string code, string description) : Attribute
{
    /// <summary>The category's bit.</summary>
    public Hazard Hazard { get; } = hazard;

    /// <summary>The stable code.</summary>
    public string Code { get; } = code;

    /// <summary>The description.</summary>
    public string Description { get; } = description;
}
