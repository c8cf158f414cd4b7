using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// One diagnostic id as users meet it: its title (the heading of its help page and the notes of its release row),
/// category, default severity and whether it blocks the generator. Its descriptors (<see cref="Descriptors"/>) share all
/// of these and differ only in their message formats.
/// </summary>
internal sealed class DiagnosticRule
{
    /// <summary>Where the help pages are published; each id's page is <c>{id}.md</c> under it.</summary>
    public const string HelpRoot = "https://github.com/PolicyAsCode/PolicyAsCode/blob/main/docs/diagnostics/";

    // Problems that stop the generator cannot be configured: the generator emits nothing for such a policy, and a
    // build that silenced the reason would pass without an evaluator. PAC0004 and PAC0010 also have forms that do
    // not block (a bound no user tier has a dimension for; a claim of an undelegated waiver); an id is configured
    // as a whole, so those are not configurable either.
    private static readonly string[] NotConfigurable = [WellKnownDiagnosticTags.NotConfigurable];

    public DiagnosticRule(string id, string title, string category, DiagnosticSeverity severity, bool blocksGenerator = false)
    {
        Id = id;
        Title = title;
        Category = category;
        Severity = severity;
        BlocksGenerator = blocksGenerator;
    }

    public string Id { get; }

    public string Title { get; }

    public string Category { get; }

    public DiagnosticSeverity Severity { get; }

    /// <summary>Whether problems under this id can stop the generator, which makes the id an error no configuration lowers.</summary>
    public bool BlocksGenerator { get; }

    /// <summary>The help page this id's descriptors link to.</summary>
    public string HelpLink => HelpRoot + Id + ".md";

    /// <summary>A descriptor of this id whose message is <paramref name="messageFormat"/>, with <c>{0}</c>… for its arguments.</summary>
    public DiagnosticDescriptor Says(string messageFormat) =>
        new(Id, Title, messageFormat, Category, Severity, isEnabledByDefault: true, description: Title + ".", helpLinkUri: HelpLink,
            customTags: BlocksGenerator ? NotConfigurable : []);
}
