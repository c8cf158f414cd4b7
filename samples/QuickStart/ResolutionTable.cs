using System;
using PolicyAsCode;
using PolicyAsCode.Documents;
using QuickStart.Policies;

namespace QuickStart;

/// <summary>Prints what one learner asked for, what they got and why, one row per dimension.</summary>
internal static class ResolutionTable
{
    public static void Print(string who, PolicyContext context, LearnerPreferences asked, DimensionSet unreadable, Resolution<LearnerPreferences> resolution)
    {
        var registry = LearnerPreferences.Registry;

        // Where the request lands and what its context establishes, in the runtime's own words (the ones a settings
        // page and the explanation document use), not a second wording of the same facts.
        var choices = PreferenceChoices.Create(registry, context);
        Console.WriteLine($"{who}  [jurisdiction {context.Jurisdiction ?? "(none)"} → {choices.Where}; {choices.ContextText}]");

        var askedValues = LearnerPreferences.Encode(asked);
        var grantedValues = LearnerPreferences.Encode(resolution.Effective);
        var table = new TextTable("dimension", "asked", "got", "why");
        foreach (var dimension in registry.Dimensions)
        {
            var why = string.Empty;
            foreach (var adjustment in resolution.Adjustments)
            {
                if (adjustment.Dimension.Index == dimension.Index)
                {
                    why = Why(adjustment);
                }
            }

            // A value the settings file did not give readably was never asked for: the record only holds a placeholder.
            var askedText = unreadable.Contains(dimension.Index) ? "(unreadable)" : Format(dimension, askedValues[dimension.Index]);
            table.Add(dimension.Name, askedText, dimension.Format(grantedValues[dimension.Index]), why);
        }

        table.Print();
    }

    private static string Format(DimensionInfo dimension, DimensionValue value) =>
        dimension.InDomain(value) ? dimension.Format(value) : "(unreadable)";

    private static string Why(Adjustment adjustment)
    {
        var rule = adjustment.Rule;
        var who = adjustment.Tier is null ? string.Empty : adjustment.Tier + ": ";
        return adjustment.Cause switch
        {
            AdjustmentCause.Clamped => $"{who}{rule?.Source}" + (rule is { Condition.IsAlways: false } ? $" {rule.Condition}" : string.Empty) + (rule?.Reason is { } r ? $": {r}" : string.Empty),
            AdjustmentCause.Waived => $"waived {who}{rule?.Source}",
            AdjustmentCause.FailedClosed => "unreadable: strictest allowed value",
            _ => $"contradiction at {who}{rule?.Source}: strictest value",
        };
    }
}
