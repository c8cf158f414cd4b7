using System;

namespace PolicyAsCode.Tool;

/// <summary>
/// The manual pac points to from <c>pac --help</c>: <c>docs/pac.md</c>, which the build copies next to <c>pac.dll</c>
/// and the tool package carries there (<c>tools/net10.0/any/pac.md</c>), so the path printed is a file the user has,
/// whether pac runs from the package or from source.
/// </summary>
internal static class Manual
{
    /// <summary>The full path of the manual beside the running pac.</summary>
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "pac.md");
}
