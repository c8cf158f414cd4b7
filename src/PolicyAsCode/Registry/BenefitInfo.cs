namespace PolicyAsCode;

/// <summary>A project-defined benefit, as its <see cref="BenefitCategoryAttribute"/> declares it.</summary>
/// <param name="Benefit">Its member, one of <see cref="Benefit.Custom1"/>…<see cref="Benefit.Custom8"/>.</param>
/// <param name="Entry">Its id, title, level and description.</param>
public sealed record BenefitInfo(Benefit Benefit, TaxonomyEntry Entry);
