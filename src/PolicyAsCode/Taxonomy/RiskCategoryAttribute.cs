using System;

namespace PolicyAsCode;

/// <summary>
/// Declares a project's own risk of personalisation, as <see cref="HazardCategoryAttribute"/> names a hazard: once per
/// assembly, for every policy in it. <c>[Mitigates(Risk.Custom1)]</c> (and <c>[Forbid(..., Mitigates = ...)]</c>) may
/// then link to it, and cards, schemas, explanations and telemetry name it by its id and title.
/// </summary>
/// <param name="risk">One of <see cref="Risk.Custom1"/>…<see cref="Risk.Custom8"/>.</param>
/// <param name="id">A stable id of the shipped form, <c>risk.individual.slug</c> or <c>risk.societal.slug</c>, its level the one declared.</param>
/// <param name="level">Whom the risk falls on.</param>
/// <param name="title">A short human title.</param>
/// <param name="description">One line, in plain words.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class RiskCategoryAttribute(Risk risk, string id, TaxonomyLevel level, string title, string description) : Attribute
{
    /// <summary>The custom member declared.</summary>
    public Risk Risk { get; } = risk;

    /// <summary>The stable id.</summary>
    public string Id { get; } = id;

    /// <summary>The level.</summary>
    public TaxonomyLevel Level { get; } = level;

    /// <summary>The title.</summary>
    public string Title { get; } = title;

    /// <summary>The description.</summary>
    public string Description { get; } = description;
}
