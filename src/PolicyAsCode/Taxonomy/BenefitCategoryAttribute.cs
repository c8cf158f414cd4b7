using System;

namespace PolicyAsCode;

/// <summary>
/// Declares a project's own benefit of personalisation, as <see cref="HazardCategoryAttribute"/> names a hazard: once per
/// assembly, for every policy in it. <c>[Enables(Benefit.Custom1)]</c> may then link to it, and cards, schemas,
/// explanations and telemetry name it by its id and title.
/// </summary>
/// <param name="benefit">One of <see cref="Benefit.Custom1"/>…<see cref="Benefit.Custom8"/>.</param>
/// <param name="id">A stable id of the shipped form, <c>benefit.individual.slug</c> or <c>benefit.societal.slug</c>, its level the one declared.</param>
/// <param name="level">Whom the benefit falls on.</param>
/// <param name="title">A short human title.</param>
/// <param name="description">One line, in plain words.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class BenefitCategoryAttribute(Benefit benefit, string id, TaxonomyLevel level, string title, string description) : Attribute
{
    /// <summary>The custom member declared.</summary>
    public Benefit Benefit { get; } = benefit;

    /// <summary>The stable id.</summary>
    public string Id { get; } = id;

    /// <summary>The level.</summary>
    public TaxonomyLevel Level { get; } = level;

    /// <summary>The title.</summary>
    public string Title { get; } = title;

    /// <summary>The description.</summary>
    public string Description { get; } = description;
}
