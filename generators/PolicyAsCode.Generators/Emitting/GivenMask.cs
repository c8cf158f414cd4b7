using System.Linq;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// How generated code tests which dimensions a reader was given: a span of bit words, dimension d at bit d % 64 of word
/// d / 64, each test a constant word index and mask.
/// </summary>
internal static class GivenMask
{
    public static int Words(int dimensions) => (dimensions + 63) / 64;

    /// <summary>Whether dimension <paramref name="dimension"/> is marked in the span named <paramref name="span"/>.</summary>
    public static string Test(string span, int dimension) =>
        $"({span}[{dimension >> 6}] & 0x{1UL << (dimension & 63):X}UL) != 0";

    /// <summary>Whether every one of <paramref name="dimensions"/> (at least one) is marked in the span named <paramref name="span"/>.</summary>
    public static string All(string span, int dimensions) =>
        string.Join(" && ", Enumerable.Range(0, Words(dimensions)).Select(w =>
        {
            var bits = dimensions - (w * 64);
            var mask = bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
            return $"{span}[{w}] == 0x{mask:X}UL";
        }));
}
