namespace PolicyAsCode.Generators.Model;

/// <summary>Where the user-tier record lives, so the emitter can reopen it as a partial type.</summary>
/// <param name="Namespace">Its namespace, or empty for the global namespace.</param>
/// <param name="Name">Its simple name.</param>
/// <param name="FullName">Its name with namespace, without <c>global::</c>.</param>
/// <param name="ContainingTypes">Enclosing type declarations, outermost first, e.g. <c>partial class Outer</c>.</param>
internal sealed record TypeName(string Namespace, string Name, string FullName, EquatableArray<string> ContainingTypes)
{
    public string Qualified => "global::" + FullName;
}
