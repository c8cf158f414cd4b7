using System;
using PolicyAsCode;
using QuickStart.Policies;

namespace QuickStart;

/// <summary>Prints what one learner asked for, what they got and why, one row per dimension.</summary>
internal static class ResolutionTable
{
    public static void Print(string who, PolicyContext context, LearnerPreferences asked, DimensionSet unreadable, Resolution<LearnerPreferences> resolution)
    {
        var registry = LearnerPreferences.Registry;
        var jurisdiction = resolution.Jurisdiction >= 0 ? Wording.Jurisdiction(registry.Shape, resolution.Jurisdiction) : "none matched: every law applies";
        Console.WriteLine($"{who}  [jurisdiction {context.Jurisdiction ?? "(none)"} → {jurisdiction}; {Facts(context)}]");

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

    // The facts the context establishes, as a reader would say them: "Minor does not hold, RolePlay holds".
    private static string Facts(PolicyContext context)
    {
        var said = new System.Collections.Generic.List<string>();
        foreach (var fact in Enum.GetValues<Fact>())
        {
            if (fact != Fact.None && System.Numerics.BitOperations.IsPow2((uint)fact) && (context.Known & fact) != 0)
            {
                said.Add(fact + ((context.Facts & fact) != 0 ? " holds" : " does not hold"));
            }
        }

        return said.Count == 0 ? "nothing is known about the user" : string.Join(", ", said) + "; every other fact unknown";
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
