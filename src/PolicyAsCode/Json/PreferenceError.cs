namespace PolicyAsCode.Json;

/// <summary>One problem found in a preferences document.</summary>
/// <param name="Path">
/// Where: a JSONPath-style path from the root <c>$</c>, such as <c>$</c>, <c>$.topics</c>, <c>$.topics[2]</c> or
/// <c>$['odd name']</c>. A property name longer than 64 characters is cut to 64, followed by <c>…</c>.
/// </param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">A sentence for a person.</param>
/// <param name="Dimension">The index of the dimension made unreadable, or −1 when the error concerns no single dimension.</param>
public sealed record PreferenceError(string Path, PreferenceErrorKind Kind, string Message, int Dimension)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Kind}: {Message}";
}
