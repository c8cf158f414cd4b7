using System.Collections.Generic;

namespace PolicyAsCode.Analyzers.Checks;

/// <summary>Names of the <c>PolicyAsCode.Fact</c> bits, for messages (the analyser cannot load the runtime enum).</summary>
internal static class FactNames
{
    private static readonly (uint Bit, string Name)[] Names =
    [
        (1u << 0, "Minor"), (1u << 1, "ConsentsToMemory"), (1u << 2, "VerifiedAdult"), (1u << 3, "RolePlay"),
        (1u << 4, "Vulnerable"), (1u << 5, "Professional"), (1u << 16, "Custom1"), (1u << 17, "Custom2"),
        (1u << 18, "Custom3"), (1u << 19, "Custom4"),
    ];

    public static string Of(uint facts)
    {
        var names = new List<string>();
        foreach (var (bit, name) in Names)
        {
            if ((facts & bit) != 0)
            {
                names.Add(name);
            }
        }

        return string.Join(" and ", names);
    }

    public static string Condition(uint when, uint unless) =>
        (when != 0 ? "when " + Of(when) : string.Empty) + (unless != 0 ? (when != 0 ? ", " : string.Empty) + "unless " + Of(unless) : string.Empty);
}
