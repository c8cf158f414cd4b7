using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace PolicyAsCode.AspNetCore;

/// <summary>One file of the settings page, loaded once from the assembly's resources.</summary>
/// <param name="Name">The name it is served under (<c>{prefix}/settings/{Name}</c>).</param>
/// <param name="Content">The bytes served.</param>
/// <param name="ContentType">Its media type, with the charset.</param>
/// <param name="Version">A hash of the content, the version the page links it with.</param>
internal sealed record SettingsAsset(string Name, byte[] Content, string ContentType, string Version)
{
    /// <summary>The strong entity tag of the content.</summary>
    public string ETag => "\"" + Version + "\"";

    public static SettingsAsset Create(string name, byte[] content, string contentType) =>
        new(name, content, contentType, Hash(content));

    private static string Hash(byte[] content) =>
        Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12));
}

/// <summary>The settings page and its assets, embedded in the assembly (no build step, nothing fetched from elsewhere).</summary>
internal sealed class SettingsAssets
{
    private const string ResourcePrefix = "PolicyAsCode.AspNetCore.Settings.";

    private SettingsAssets(SettingsAsset page, SettingsAsset stylesheet, SettingsAsset script, SettingsAsset learned)
    {
        Page = page;
        Stylesheet = stylesheet;
        Script = script;
        Learned = learned;
    }

    /// <summary>The HTML page, its asset links carrying the assets' versions.</summary>
    public SettingsAsset Page { get; }

    /// <summary>page.css.</summary>
    public SettingsAsset Stylesheet { get; }

    /// <summary>page.js.</summary>
    public SettingsAsset Script { get; }

    /// <summary>learned.js: the "Learned from your feedback" section.</summary>
    public SettingsAsset Learned { get; }

    /// <summary>The asset served as <paramref name="name"/>, or null: only the page's own files are served.</summary>
    public SettingsAsset? Find(string name) =>
        string.Equals(name, Stylesheet.Name, StringComparison.Ordinal) ? Stylesheet
        : string.Equals(name, Script.Name, StringComparison.Ordinal) ? Script
        : string.Equals(name, Learned.Name, StringComparison.Ordinal) ? Learned
        : null;

    public static SettingsAssets Load()
    {
        var stylesheet = SettingsAsset.Create("page.css", Read("page.css"), "text/css; charset=utf-8");
        var script = SettingsAsset.Create("page.js", Read("page.js"), "text/javascript; charset=utf-8");
        var learned = SettingsAsset.Create("learned.js", Read("learned.js"), "text/javascript; charset=utf-8");
        var html = Encoding.UTF8.GetString(Read("page.html"))
            .Replace("{{page.css}}", stylesheet.Version, StringComparison.Ordinal)
            .Replace("{{page.js}}", script.Version, StringComparison.Ordinal)
            .Replace("{{learned.js}}", learned.Version, StringComparison.Ordinal);
        var page = SettingsAsset.Create("settings", Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8");
        return new SettingsAssets(page, stylesheet, script, learned);
    }

    private static byte[] Read(string file)
    {
        using var stream = typeof(SettingsAssets).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The settings page's resource {ResourcePrefix + file} is missing from {typeof(SettingsAssets).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
