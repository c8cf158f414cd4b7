using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolicyAsCode.Generators;
using Xunit;

using PolicyAsCode.TestSupport;
namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// Policy assemblies on disk, built in-process in a second or two each: the policy sources are compiled with Roslyn
/// against the .NET 10 reference assemblies and the runtime library, the generator runs on them, and the DLL is
/// emitted to a temporary folder, where pac reads it as it would a project's build output.
/// </summary>
public sealed class PolicyAssemblies : IDisposable
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private readonly Dictionary<string, string> _built = [];

    public PolicyAssemblies()
    {
        Folder = Directory.CreateTempSubdirectory("pac-tool-tests-").FullName;
    }

    public string Folder { get; }

    public static string RepoRoot =>
        typeof(PolicyAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The QuickStart policy's source files by file name.</summary>
    public static IReadOnlyDictionary<string, string> QuickStartSources() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "samples", "QuickStart", "Policies"), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToDictionary(p => Path.GetFileName(p), File.ReadAllText);

    /// <summary>The QuickStart policy compiled as is.</summary>
    public string QuickStart => Get("QuickStart", null, () => QuickStartSources());

    /// <summary>
    /// The QuickStart policy with one edit: <paramref name="oldText"/> replaced by <paramref name="newText"/> in
    /// <paramref name="file"/> (the text must occur there).
    /// </summary>
    /// <param name="assemblyName">The assembly's name, by default <paramref name="name"/>; <c>QuickStart</c> makes a second build of the same assembly.</param>
    public string Edited(string name, string file, string oldText, string newText, string? assemblyName = null) => Get(name, assemblyName, () =>
    {
        var sources = QuickStartSources().ToDictionary();
        Assert.Contains(oldText, sources[file]);
        sources[file] = sources[file].Replace(oldText, newText, StringComparison.Ordinal);
        return sources;
    });

    /// <summary>An assembly of arbitrary sources (with the generator run on them).</summary>
    public string Custom(string name, IReadOnlyDictionary<string, string> sources) => Get(name, null, () => sources);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PAC_KEEP_TOOL_TESTS") != "1")
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A loaded assembly may still be mapped on some systems; the temporary folder is left behind.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private string Get(string name, string? assemblyName, Func<IReadOnlyDictionary<string, string>> sources)
    {
        lock (_built)
        {
            if (!_built.TryGetValue(name, out var path))
            {
                path = Compile(name, assemblyName ?? name, sources());
                _built[name] = path;
            }

            return path;
        }
    }

    private string Compile(string name, string assemblyName, IReadOnlyDictionary<string, string> sources)
    {
        var compilation = TestCompilation.Library(
            assemblyName,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, ParseOptions, s.Key)),
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(PolicyRegistry).Assembly.Location)]);
        CSharpGeneratorDriver.Create(new PolicyGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var directory = Path.Combine(Folder, name);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, assemblyName + ".dll");
        var result = output.Emit(path);
        Assert.True(result.Success, $"{name} does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class PolicyAssembliesCollection : ICollectionFixture<PolicyAssemblies>
{
    public const string Name = "policy assemblies";
}

/// <summary>One run of pac, in-process.</summary>
public sealed record PacRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// Runs pac with no limit to the width, so every row of a table and every sentence is one line, as the tests read
    /// them; <see cref="At"/> runs it at a given width (TerminalTests check the 80 columns of the default).
    /// </summary>
    public static PacRun Of(params string[] args) => At(new Terminal(int.MaxValue, Colour: false), args);

    /// <summary>Runs pac for <paramref name="terminal"/>.</summary>
    internal static PacRun At(Terminal terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PacApp.Run(args, output, error, terminal);
        return new PacRun(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The non-empty cells of each row of a table: a line of plain columns (two or more spaces apart), or a block of a
    /// table too wide for 80 columns (its title line, then one <c>"  header  value"</c> line per non-empty cell, a
    /// value's wrapped lines indented further and joined back with a space). Other lines count as one row each.
    /// </summary>
    public IReadOnlyList<string[]> Rows
    {
        get
        {
            var lines = Output.Split('\n');
            var rows = new List<string[]>();
            for (var i = 0; i < lines.Length; i++)
            {
                var titled = lines[i].Length > 0 && lines[i][0] != ' ' && i + 1 < lines.Length && IsField(lines[i + 1]);
                if (!titled && !(IsField(lines[i]) && (i == 0 || lines[i - 1].Length == 0)))
                {
                    rows.Add(lines[i].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    continue;
                }

                var cells = titled ? new List<string> { lines[i++].Trim() } : [];
                for (; i < lines.Length && lines[i].StartsWith(' '); i++)
                {
                    if (IsField(lines[i]))
                    {
                        cells.Add(lines[i].Trim().Split("  ", 2, StringSplitOptions.TrimEntries)[1]);
                    }
                    else
                    {
                        cells[^1] += " " + lines[i].Trim();
                    }
                }

                i--;
                rows.Add([.. cells]);
            }

            return rows;
        }
    }

    // "  header  value": two spaces, a header, two or more spaces, a value.
    private static bool IsField(string line) =>
        line.Length > 2 && line.StartsWith("  ", StringComparison.Ordinal) && line[2] != ' ' && line.AsSpan(2).Contains("  ", StringComparison.Ordinal);

    /// <summary>The one row whose first cell is <paramref name="first"/>.</summary>
    public string[] Row(string first) => Assert.Single(Rows, r => r.Length > 0 && r[0] == first);

    /// <summary>Asserts that some row holds exactly <paramref name="cells"/> (its non-empty cells, in order).</summary>
    public void AssertRow(params string[] cells) =>
        Assert.True(Rows.Any(r => r.SequenceEqual(cells)), $"no row [{string.Join(" | ", cells)}] in:\n{this}");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
