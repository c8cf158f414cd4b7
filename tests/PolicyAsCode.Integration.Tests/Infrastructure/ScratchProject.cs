using System;
using System.IO;

namespace PolicyAsCode.Integration.Tests.Infrastructure;

/// <summary>
/// A throw-away SDK project in a temporary folder, as a team's own policy project would be, isolated from the
/// repository: empty Directory.Build.* stop MSBuild from importing anything above it, and the repository's global.json
/// picks the SDK band. Deleting it removes the folder.
/// </summary>
internal sealed class ScratchProject : IDisposable
{
    private ScratchProject(string directory, string project)
    {
        Directory = directory;
        Project = project;
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>The project file.</summary>
    public string Project { get; }

    /// <summary>Creates <c>{name}.csproj</c> targeting net10.0 with <paramref name="items"/> (MSBuild items) in an item group.</summary>
    public static ScratchProject Create(string prefix, string name, string items, string properties = "")
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.Copy(Path.Combine(RepoPaths.RepoRoot, "global.json"), Path.Combine(directory, "global.json"));
        var project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
            {properties}  </PropertyGroup>
              <ItemGroup>
            {items}  </ItemGroup>
            </Project>
            """);
        return new ScratchProject(directory, project);
    }

    /// <summary>A file of the project.</summary>
    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <inheritdoc/>
    public void Dispose()
    {
        for (var attempt = 0; System.IO.Directory.Exists(Directory); attempt++)
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                System.Threading.Thread.Sleep(500);
            }
            catch (UnauthorizedAccessException) when (attempt < 5)
            {
                System.Threading.Thread.Sleep(500);
            }
        }
    }
}
