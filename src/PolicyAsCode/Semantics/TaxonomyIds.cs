using System;

namespace PolicyAsCode;

/// <summary>
/// The stable ids of the shipped benefits and risks by number, the numbers a project may declare its own under, and
/// the form of an id: one table for the runtime's <c>Taxonomy</c> and the generator that checks a project's
/// <c>[BenefitCategory]</c> and <c>[RiskCategory]</c> against it, so a custom id can never take a shipped one.
/// </summary>
internal static class TaxonomyIds
{
    /// <summary>The number of <c>Custom1</c> in <c>Benefit</c> and in <c>Risk</c>; <c>Custom8</c> is 9008.</summary>
    public const int CustomFirst = 9001;

    /// <summary>How many custom benefits (and risks) a project may declare.</summary>
    public const int CustomCount = 8;

    private static readonly (int Number, string Id)[] Benefits =
    [
        (1, "benefit.individual.efficiency"),
        (2, "benefit.individual.autonomy"),
        (3, "benefit.individual.usefulness"),
        (4, "benefit.individual.wellbeing"),
        (5, "benefit.individual.learning"),
        (1001, "benefit.societal.inclusion-and-access"),
        (1002, "benefit.societal.diversity-of-representation"),
        (1003, "benefit.societal.pluralism"),
    ];

    private static readonly (int Number, string Id)[] Risks =
    [
        (1, "risk.individual.over-reliance"),
        (2, "risk.individual.anthropomorphism"),
        (3, "risk.individual.privacy-infringement"),
        (4, "risk.individual.profiling-and-essentialism"),
        (5, "risk.individual.manipulation-of-the-vulnerable"),
        (6, "risk.individual.sycophancy"),
        (1001, "risk.societal.polarisation-and-filter-bubbles"),
        (1002, "risk.societal.malicious-use"),
        (1003, "risk.societal.unequal-access"),
        (1004, "risk.societal.homogenisation"),
    ];

    /// <summary>Whether <paramref name="number"/> is one of <c>Custom1</c>…<c>Custom8</c>.</summary>
    public static bool IsCustom(int number) => number >= CustomFirst && number < CustomFirst + CustomCount;

    /// <summary>1 for <c>Custom1</c> … 8 for <c>Custom8</c>.</summary>
    public static int CustomNumber(int number) => number - CustomFirst + 1;

    /// <summary>The id of a shipped benefit (<c>kind</c> "benefit") or risk ("risk"), or null for a number the SDK does not ship.</summary>
    public static string? Shipped(string kind, int number)
    {
        foreach (var (n, id) in kind == "benefit" ? Benefits : Risks)
        {
            if (n == number)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="id"/> is the id of a shipped benefit or risk, ignoring case.</summary>
    public static bool IsShippedId(string id)
    {
        foreach (var table in new[] { Benefits, Risks })
        {
            foreach (var (_, shipped) in table)
            {
                if (string.Equals(shipped, id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The level segment of an id: <c>individual</c> (level 0) or <c>societal</c> (level 1).</summary>
    public static string LevelName(int level) => level == 0 ? "individual" : "societal";

    /// <summary>
    /// Whether <paramref name="id"/> has the form of the shipped ids: <c>kind.level.slug</c>, the level the one declared
    /// (0 individual, 1 societal), the slug lower-case letters and digits in words joined by single hyphens
    /// (<c>benefit.societal.civic-trust</c>). Ids are read by machines (cards, telemetry, dashboards), so one form for all.
    /// </summary>
    public static bool IsIdForm(string kind, int level, string id)
    {
        if (level is not (0 or 1))
        {
            return false;
        }

        var prefix = kind + "." + LevelName(level) + ".";
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length == prefix.Length || id.Length > prefix.Length + 64)
        {
            return false;
        }

        var previous = '-';
        for (var i = prefix.Length; i < id.Length; i++)
        {
            var c = id[i];
            var word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!word && (c != '-' || previous == '-'))
            {
                return false;
            }

            previous = c;
        }

        return previous != '-';
    }
}
