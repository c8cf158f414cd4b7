using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PolicyAsCode.Testing;

/// <summary>
/// A case file read into one tree, whatever its format: JSON values (a YAML file is read into the same tree) with the
/// line each one starts on, so every fault found later names its line.
/// </summary>
internal sealed class CaseDocument
{
    private readonly Dictionary<string, int> _lines;

    public CaseDocument(string file, JsonNode? root, Dictionary<string, int> lines)
    {
        File = file;
        Root = root;
        _lines = lines;
    }

    /// <summary>The file, as it was named.</summary>
    public string File { get; }

    /// <summary>The document's root value.</summary>
    public JsonNode? Root { get; }

    /// <summary>The line the value at <paramref name="path"/> starts on, else its nearest enclosing value's, else 0.</summary>
    public int LineOf(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line))
            {
                return line;
            }
        }

        return 0;
    }

    /// <summary>A fault at <paramref name="path"/>, in the case named <paramref name="caseName"/> if any.</summary>
    public PolicyCaseException Fault(string path, string? caseName, string reason) =>
        new(File, LineOf(path), caseName, path == "$" ? reason : path + ": " + reason);

    /// <summary>The path of a property: <c>$.cases[0].name</c>, or <c>$.x['odd name']</c> for a name that is not a plain identifier.</summary>
    public static string Property(string parent, string name)
    {
        var plain = name.Length > 0 && !char.IsDigit(name[0]);
        foreach (var c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c == '-';
        }

        return plain ? parent + "." + name : parent + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    /// <summary>The path of an array item.</summary>
    public static string Item(string parent, int index) => parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static string Parent(string path)
    {
        if (path == "$")
        {
            return string.Empty;
        }

        var cut = path.EndsWith(']') ? path.LastIndexOf('[') : path.LastIndexOf('.');
        return cut <= 0 ? "$" : path[..cut];
    }
}
