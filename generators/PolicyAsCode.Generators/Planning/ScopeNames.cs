using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// Names for the context tests of a generated evaluator, from the policy's own words (<c>EuLawApplies</c>,
/// <c>WhenMinor</c>, <c>UserWaivesEuLawOnDiscloseAi</c>), so a reader of the generated code sees what each one asks.
/// Each name is ASCII letters and digits, starts with a capital, and is handed out once.
/// </summary>
internal sealed class ScopeNames
{
    private readonly HashSet<string> _used = new(System.StringComparer.Ordinal);

    /// <summary>A fresh name: <paramref name="wanted"/>, else it with the first free number appended.</summary>
    public string Unique(string wanted)
    {
        var name = wanted;
        for (var n = 2; !_used.Add(name); n++)
        {
            name = wanted + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>
    /// Text as one PascalCase word run: <c>US-CA</c> becomes <c>UsCa</c>, <c>contoso-learning</c> <c>ContosoLearning</c>;
    /// a segment in capitals is lowered after its first letter, any other keeps its case. Non-ASCII is dropped; text
    /// that leaves nothing, or a leading digit, gets <paramref name="fallback"/> in front.
    /// </summary>
    public static string Pascal(string text, string fallback)
    {
        var result = new StringBuilder();
        var segment = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                segment.Append(c);
                continue;
            }

            Append(result, segment.ToString());
            segment.Clear();
        }

        return result.Length == 0 || char.IsDigit(result[0]) ? fallback + result : result.ToString();
    }

    /// <summary>The name as a local: its first letter lowered.</summary>
    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    /// <summary>Facts as words joined by <paramref name="joiner"/>: <c>MinorAndRolePlay</c>; an unnamed bit is <c>Fact7</c>.</summary>
    public static string Facts(uint bits, string joiner)
    {
        var words = new List<string>();
        for (var bit = 0; bit < 32; bit++)
        {
            if ((bits & (1u << bit)) == 0)
            {
                continue;
            }

            var name = ((Fact)(1u << bit)).ToString();
            words.Add(name.Length > 0 && !char.IsDigit(name[0]) ? name : "Fact" + bit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join(joiner, words);
    }

    private static void Append(StringBuilder result, string segment)
    {
        if (segment.Length == 0)
        {
            return;
        }

        var shouting = true;
        foreach (var c in segment)
        {
            shouting &= !char.IsLower(c);
        }

        result.Append(char.ToUpperInvariant(segment[0]));
        result.Append(shouting ? segment.Substring(1).ToLowerInvariant() : segment.Substring(1));
    }
}
