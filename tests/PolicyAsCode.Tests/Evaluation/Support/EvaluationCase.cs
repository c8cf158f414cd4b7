using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// One differential case: a context, an encoded request (null: no request at all), the dimensions whose value
/// could not be read, and hazard masks to decide on.
/// </summary>
public sealed record EvaluationCase(PolicyContext Context, DimensionValue[]? Requested, int[] Unreadable, Hazard[] Detected)
{
    /// <summary>The unreadable dimensions as the evaluators take them.</summary>
    public DimensionSet UnreadableSet => DimensionSet.Of(Unreadable);

    /// <summary>The case, readably, so a failure names it exactly.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("context: ").Append(Context.Jurisdiction is null ? "null" : "\"" + Context.Jurisdiction + "\"")
            .Append(", facts ").Append(Context.Facts).Append(", known ").Append(Context.Known);
        text.Append("; requested: ");
        text.Append(Requested is null ? "null" : "[" + string.Join(", ", Requested.Select(Describe)) + "]");
        text.Append("; unreadable: [").Append(string.Join(", ", Unreadable)).Append(']');
        text.Append("; detected: [").Append(string.Join(", ", Detected.Select(h => "0x" + ((ulong)h).ToString("X", CultureInfo.InvariantCulture)))).Append(']');
        return text.ToString();
    }

    /// <summary>A value with both its parts, exactly (the round-trip form of the number).</summary>
    public static string Describe(DimensionValue value) =>
        "(" + value.Number.ToString("R", CultureInfo.InvariantCulture) + ", 0x" + value.Bits.ToString("X", CultureInfo.InvariantCulture) + ")";
}
