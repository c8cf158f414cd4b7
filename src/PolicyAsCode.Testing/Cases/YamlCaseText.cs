using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyAsCode.Testing;

/// <summary>
/// Reads a YAML case file into the same <see cref="CaseDocument"/> a JSON one gives, so both formats are checked and
/// run by one reader. Plain scalars are typed as YAML 1.2's core schema types them (<c>true</c>/<c>false</c>,
/// <c>null</c>/<c>~</c>, numbers written as JSON writes them); quoted scalars are strings. So
/// <c>discloseAi: false</c> is a boolean and <c>language: "no"</c> a string.
/// </summary>
internal static partial class YamlCaseText
{
    public static CaseDocument Read(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException is { } inner && e.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) ? inner.Message : e.Message).Trim();
            throw new PolicyCaseException(file, (int)e.Start.Line, null, "malformed YAML: " + StripMark(reason));
        }

        if (stream.Documents.Count == 0)
        {
            throw new PolicyCaseException(file, 1, null, "the file is empty; a case file is a mapping with a \"cases\" list");
        }

        if (stream.Documents.Count > 1)
        {
            throw new PolicyCaseException(file, (int)stream.Documents[1].RootNode.Start.Line, null, "more than one YAML document; a case file is one mapping");
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var root = Value(stream.Documents[0].RootNode, "$", lines, file);
        return new CaseDocument(file, root, lines);
    }

    private static JsonNode? Value(YamlNode node, string path, Dictionary<string, int> lines, string file)
    {
        lines[path] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new PolicyCaseException(file, (int)key.Start.Line, null, path + ": a key must be a plain name");
                    }

                    var at = CaseDocument.Property(path, name);
                    if (obj.ContainsKey(name))
                    {
                        throw new PolicyCaseException(file, (int)key.Start.Line, null, at + ": given twice");
                    }

                    obj[name] = Value(value, at, lines, file);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(Value(item, CaseDocument.Item(path, array.Count), lines, file));
                }

                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar, path, file);
            default:
                throw new PolicyCaseException(file, (int)node.Start.Line, null, path + ": not a value a case file holds");
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar, string path, string file)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag == "tag:yaml.org,2002:str" || (tag is null && scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any)))
        {
            return JsonValue.Create(text);
        }

        if (tag is not null && tag != "tag:yaml.org,2002:int" && tag != "tag:yaml.org,2002:float" && tag != "tag:yaml.org,2002:bool" && tag != "tag:yaml.org,2002:null")
        {
            throw new PolicyCaseException(file, (int)scalar.Start.Line, null, $"{path}: the tag {tag} is not one a case file uses");
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (JsonNumber().IsMatch(text))
        {
            return JsonNode.Parse(text);
        }

        if (tag is not null || OtherNumber().IsMatch(text))
        {
            throw new PolicyCaseException(file, (int)scalar.Start.Line, null, $"{path}: {text} is not a number as JSON writes it (write {Suggest(text)}, or quote it for a string)");
        }

        return JsonValue.Create(text);
    }

    private static string Suggest(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : "a finite number";

    private static string StripMark(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && cut > 0 ? message[(cut + 3)..] : message;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    // What YAML's core schema would read as a number but JSON cannot write as one: +1, .5, 1., 0x1F, 0o17, .inf, .nan.
    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherNumber();
}
