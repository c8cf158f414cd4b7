using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyAsCode.Testing;

/// <summary>
/// Reads case files (docs/testing-policies.md): JSON (<c>.json</c>) or YAML (<c>.yaml</c>, <c>.yml</c>), one object
/// holding a <c>cases</c> list. Anything unreadable is a <see cref="PolicyCaseException"/> naming the file, line and case.
/// </summary>
public static class PolicyCaseFile
{
    /// <summary>The largest case file read: 16 MiB.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The cases of a file, or of every case file in a folder (<c>*.json</c>, <c>*.yaml</c>, <c>*.yml</c>, in name order).
    /// A relative path is looked up from the test's output folder first, then from the current folder.
    /// </summary>
    /// <param name="path">A case file or a folder of them.</param>
    /// <exception cref="PolicyCaseException">The path names nothing, or a file is unreadable.</exception>
    public static IReadOnlyList<PolicyCase> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadAt(Locate(path), path);
    }

    /// <summary>The cases at <paramref name="found"/> (a file or folder, relative to the current folder), named <paramref name="shown"/> in messages.</summary>
    internal static IReadOnlyList<PolicyCase> ReadAt(string found, string shown)
    {
        var path = shown;
        if (!Directory.Exists(found))
        {
            return ReadFile(found, shown);
        }

        var files = Directory.EnumerateFiles(found)
            .Where(f => Format(f) is not null)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new PolicyCaseException(path, 0, null, "a folder with no case files (*.json, *.yaml, *.yml)");
        }

        return files.SelectMany(f => ReadFile(f, System.IO.Path.Combine(path, System.IO.Path.GetFileName(f)))).ToList();
    }

    /// <summary>Reads cases from text, in the format its file name's extension says.</summary>
    /// <param name="file">The file's name, for the format and for messages.</param>
    /// <param name="utf8">The file's bytes, UTF-8.</param>
    /// <exception cref="PolicyCaseException">The text is unreadable, or the extension is none of .json, .yaml, .yml.</exception>
    public static IReadOnlyList<PolicyCase> Parse(string file, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(file);
        var document = Format(file) switch
        {
            "json" => JsonCaseText.Read(file, utf8),
            "yaml" => YamlCaseText.Read(file, Text(file, utf8)),
            _ => throw new PolicyCaseException(file, 0, null, "not a case file: the name ends in none of .json, .yaml, .yml"),
        };
        return CaseReader.Read(document);
    }

    private static IReadOnlyList<PolicyCase> ReadFile(string path, string shown)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new PolicyCaseException(shown, 0, null, "no such file");
            }

            if (info.Length > MaxBytes)
            {
                throw new PolicyCaseException(shown, 0, null, $"larger than {MaxBytes} bytes");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new PolicyCaseException(shown, 0, null, "cannot be read: " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PolicyCaseException(shown, 0, null, "cannot be read: " + e.Message);
        }

        return Parse(shown, bytes);
    }

    private static string Locate(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var fromOutput = System.IO.Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(fromOutput) || Directory.Exists(fromOutput) ? fromOutput : System.IO.Path.GetFullPath(path);
    }

    private static string? Format(string file) => System.IO.Path.GetExtension(file).ToUpperInvariant() switch
    {
        ".JSON" => "json",
        ".YAML" or ".YML" => "yaml",
        _ => null,
    };

    private static string Text(string file, ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            throw new PolicyCaseException(file, 0, null, "not UTF-8 text");
        }
    }
}
