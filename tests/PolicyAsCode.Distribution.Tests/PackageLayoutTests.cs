using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using PolicyAsCode.Distribution.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Distribution.Tests;

/// <summary>The files and folders inside the packages, as <c>dotnet pack</c> writes them.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    private static readonly string[] RoslynComponents = ["PolicyAsCode.Generators.dll", "PolicyAsCode.Analyzers.dll", "PolicyAsCode.CodeFixes.dll"];

    [Fact]
    public void Runtime_package_holds_exactly_the_library_the_roslyn_components_the_props_and_the_readme()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackage);

        var expected = new SortedSet<string>(StringComparer.Ordinal)
        {
            "PolicyAsCode.nuspec",
            "README.md",
            "lib/net10.0/PolicyAsCode.dll",
            "lib/net10.0/PolicyAsCode.xml",
            "analyzers/dotnet/cs/PolicyAsCode.Generators.dll",
            "analyzers/dotnet/cs/PolicyAsCode.Analyzers.dll",
            "analyzers/dotnet/cs/PolicyAsCode.CodeFixes.dll",
            "buildTransitive/PolicyAsCode.props",
        };

        Assert.Equal(expected, ContentEntries(package));
        Assert.DoesNotContain(package.Entries, e => e.FullName.Contains("Test", StringComparison.OrdinalIgnoreCase) || e.FullName.Contains("QuickStart", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("PolicyAsCode.Runtime", new[] { "PolicyAsCode" }, "AddPolicy")]
    [InlineData("PolicyAsCode.Extensions.AI", new[] { "PolicyAsCode", "PolicyAsCode.Runtime" }, "UsePolicy")]
    [InlineData("PolicyAsCode.AspNetCore", new[] { "PolicyAsCode", "PolicyAsCode.Runtime", "PolicyAsCode.Extensions.AI" }, "MapPolicy")]
    [InlineData("PolicyAsCode.EntityFrameworkCore", new[] { "PolicyAsCode.AspNetCore" }, "AddSqliteStore")]
    [InlineData("PolicyAsCode.Testing", new[] { "PolicyAsCode" }, "PolicyCases")]
    public void Each_integration_package_holds_its_library_and_readme_and_depends_on_the_same_version(string id, string[] dependsOn, string readmeMentions)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg"));
        var expected = new SortedSet<string>(StringComparer.Ordinal)
        {
            $"{id}.nuspec",
            "README.md",
            $"lib/net10.0/{id}.dll",
            $"lib/net10.0/{id}.xml",
        };
        Assert.Equal(expected, ContentEntries(package));

        var metadata = Nuspec(package);
        Assert.Equal(id, Element(metadata, "id"));
        Assert.Equal("README.md", Element(metadata, "readme"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description")));
        foreach (var dependency in dependsOn)
        {
            var ours = metadata.Descendants().Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == dependency);
            Assert.Equal(feed.Version, (string?)ours.Attribute("version"));
        }

        Assert.Contains(readmeMentions, Text(package, "README.md"));
    }

    [Fact]
    public void Runtime_package_metadata_is_complete_and_depends_on_nothing()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackage);
        var metadata = Nuspec(package);

        Assert.Equal("PolicyAsCode", Element(metadata, "id"));
        Assert.Equal(feed.Version, Element(metadata, "version"));
        Assert.Equal("README.md", Element(metadata, "readme"));
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.False(string.IsNullOrWhiteSpace(Element(metadata, "description")));

        // SourceLink-ready: the commit the package was built from is recorded.
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);

        // One PackageReference is all a consumer needs: the Roslyn components are inside, not dependencies.
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
        Assert.Empty(dependencies);

        Assert.Contains("dotnet new policy", Text(package, "README.md"));
    }

    [Fact]
    public void Build_props_make_a_generator_that_cannot_load_an_error()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackage);

        var props = XDocument.Parse(Text(package, "buildTransitive/PolicyAsCode.props"));

        var warningsAsErrors = props.Descendants().Single(e => e.Name.LocalName == "WarningsAsErrors").Value;
        Assert.Equal("$(WarningsAsErrors);CS9057", warningsAsErrors);
    }

    [Fact]
    public void Roslyn_components_target_netstandard20_and_the_library_net100_with_xml_docs()
    {
        using var package = ZipFile.OpenRead(feed.RuntimePackage);

        foreach (var component in RoslynComponents)
        {
            Assert.Equal(".NETStandard,Version=v2.0", TargetFramework(package, "analyzers/dotnet/cs/" + component));
        }

        Assert.Equal(".NETCoreApp,Version=v10.0", TargetFramework(package, "lib/net10.0/PolicyAsCode.dll"));
        var docs = XDocument.Parse(Text(package, "lib/net10.0/PolicyAsCode.xml"));
        Assert.Contains(docs.Descendants("member"), m => ((string?)m.Attribute("name"))?.StartsWith("T:PolicyAsCode.UserTierAttribute", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Templates_package_holds_the_policy_template_stamped_with_the_package_version()
    {
        using var package = ZipFile.OpenRead(feed.TemplatesPackage);
        var entries = ContentEntries(package);

        var packageTypes = Nuspec(package).Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name"));
        Assert.Equal(["Template"], packageTypes);
        Assert.Contains("README.md", entries);
        foreach (var required in new[]
        {
            ".template.config/template.json",
            ".template.config/dotnetcli.host.json",
            ".editorconfig",
            "README.md",
            "Company.Policies.slnx",
            "src/Company.Policies/Company.Policies.csproj",
            "src/Company.Policies/EuLaw.cs",
            "src/Company.Policies/UsLaw.cs",
            "src/Company.Policies/UkLaw.cs",
            "src/Company.Policies/ExampleOrganisation.cs",
            "src/Company.Policies/UserPreferences.cs",
            "tests/Company.Policies.Tests/Company.Policies.Tests.csproj",
            "tests/Company.Policies.Tests/OrganisationTests.cs",
            "tests/Company.Policies.Tests/PolicyCaseTests.cs",
            "tests/Company.Policies.Tests/cases/organisation.yaml",
            "tests/Company.Policies.Tests/cases/eu-law.yaml",
        })
        {
            Assert.Contains("content/policy/" + required, entries);
        }

        Assert.All(entries, e => Assert.True(e == "PolicyAsCode.Templates.nuspec" || e == "README.md" || e.StartsWith("content/policy/", StringComparison.Ordinal), e));
        Assert.DoesNotContain(entries, e => e.Contains("/bin/", StringComparison.Ordinal) || e.Contains("/obj/", StringComparison.Ordinal) || e.EndsWith(".dll", StringComparison.Ordinal));

        // Packing changes nothing in template.json but the version: not a backslash (JSON escapes), not a line.
        var packedJson = Text(package, "content/policy/.template.config/template.json");
        var sourceJson = File.ReadAllText(Path.Combine(feed.RepoRoot, "templates", "PolicyAsCode.Templates", "content", "policy", ".template.config", "template.json"));
        Assert.Equal(sourceJson.Replace("__PACKAGE_VERSION__", feed.Version, StringComparison.Ordinal), packedJson);

        using var template = JsonDocument.Parse(packedJson);
        Assert.Equal("policy", template.RootElement.GetProperty("shortName").GetString());
        var symbols = template.RootElement.GetProperty("symbols");
        Assert.Equal(feed.Version, symbols.GetProperty("PolicyAsCodeVersion").GetProperty("defaultValue").GetString());
        foreach (var parameter in new[] { "organisation", "jurisdictions", "Framework", "tests" })
        {
            Assert.Equal("parameter", symbols.GetProperty(parameter).GetProperty("type").GetString());
        }
    }

    /// <summary>Every entry but the packaging plumbing every .nupkg has (_rels, [Content_Types].xml, package/services).</summary>
    private static SortedSet<string> ContentEntries(ZipArchive package) =>
        new(package.Entries.Select(e => e.FullName)
            .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && n != "[Content_Types].xml" && !n.StartsWith("package/services/", StringComparison.Ordinal)),
            StringComparer.Ordinal);

    private static XElement Nuspec(ZipArchive package)
    {
        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Element(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string Text(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"no {entry} in the package"), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The assembly's [TargetFramework] attribute value, read from its metadata without loading it.</summary>
    private static string? TargetFramework(ZipArchive package, string entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = package.GetEntry(entry)?.Open() ?? throw new InvalidOperationException($"no {entry} in the package"))
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind == HandleKind.TypeReference && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
            {
                var blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog 0x0001
                return blob.ReadSerializedString();
            }
        }

        return null;
    }
}
