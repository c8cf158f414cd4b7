using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>A project-defined risk, as its <see cref="RiskCategoryAttribute"/> declares it.</summary>
/// <param name="Risk">Its member, one of <see cref="Risk.Custom1"/>…<see cref="Risk.Custom8"/>.</param>
/// <param name="Entry">Its id, title, level and description.</param>
public sealed record RiskInfo(Risk Risk, TaxonomyEntry Entry);

/// <summary>
/// The registry's check of a project's own benefits and risks: what the generator reports as PAC0015 at build time is
/// refused here too, so a registry built by hand or read from data never names a member twice or takes a shipped id.
/// </summary>
internal static class CustomTaxonomy
{
    public static ImmutableArray<T> Checked<T>(ImmutableArray<T> entries, string kind, Func<T, int> number, Func<T, TaxonomyEntry?> entry, string parameter)
    {
        if (entries.IsDefault)
        {
            return [];
        }

        var numbers = new HashSet<int>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in entries)
        {
            var n = number(item);
            var e = entry(item);
            if (!TaxonomyIds.IsCustom(n) || !numbers.Add(n))
            {
                throw new ArgumentException($"A project's own {kind} must be one of Custom1 to Custom8, each declared once; {n} is not.", parameter);
            }

            if (e is null || !TaxonomyIds.IsIdForm(kind, (int)e.Level, e.Id) || TaxonomyIds.IsShippedId(e.Id) || !ids.Add(e.Id)
                || string.IsNullOrWhiteSpace(e.Title) || string.IsNullOrWhiteSpace(e.Description))
            {
                throw new ArgumentException(
                    $"The project's {kind} Custom{TaxonomyIds.CustomNumber(n)} needs an id of the form {kind}.individual.slug or {kind}.societal.slug at its level, "
                    + "not shipped and not taken, a title and a description.",
                    parameter);
            }
        }

        return entries;
    }
}
