using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Tool;

/// <summary>
/// Reads a compiled policy without running it: the registry comes from the constant data the generator puts on each user
/// tier (<c>[PolicyRegistryData]</c>), read from the assembly's metadata (<see cref="PolicyMetadata"/>) and decoded by
/// <see cref="PolicyRegistryData.Read(string, int)"/>. The assembly is never loaded into the runtime, so none of its code runs: no
/// module initialiser, no static constructor, no property getter. Resolution over that registry is the reference
/// interpreter's.
/// </summary>
internal sealed class LoadedPolicy : IDisposable
{
    private LoadedPolicy(string path, string typeName, PolicyRegistry registry)
    {
        Path = path;
        TypeName = typeName;
        Registry = registry;
    }

    /// <summary>The assembly file, as given.</summary>
    public string Path { get; }

    /// <summary>The user tier's full type name, as reflection writes it.</summary>
    public string TypeName { get; }

    /// <summary>Its registry.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>
    /// Reads the policy of <paramref name="assemblyPath"/>: the one user tier it holds, or the one named
    /// <paramref name="policy"/> (full or simple type name).
    /// </summary>
    /// <exception cref="PacInputException">The file is missing, a directory, not a .NET assembly or a corrupted one, or
    /// holds no policy, several policies and no <paramref name="policy"/>, none of that name, or unreadable policy data.</exception>
    public static LoadedPolicy Load(string assemblyPath, string? policy)
    {
        var entry = Choose(assemblyPath, Find(assemblyPath), policy);
        return new LoadedPolicy(assemblyPath, entry.FullName, Decode(assemblyPath, entry));
    }

    /// <summary>
    /// Reads every policy of <paramref name="assemblyPath"/>, or only the one named <paramref name="policy"/> (full or
    /// simple type name).
    /// </summary>
    /// <exception cref="PacInputException">As <see cref="Load"/>, but several policies without a name are all read.</exception>
    public static LoadedPolicies LoadEach(string assemblyPath, string? policy)
    {
        var found = Find(assemblyPath);
        var chosen = policy is null && found.Count > 1 ? found : [Choose(assemblyPath, found, policy)];
        return new LoadedPolicies(assemblyPath, chosen.Select(e => (e.FullName, Decode(assemblyPath, e))).ToList());
    }

    /// <summary>Nothing to release: the file was read and closed, and nothing was loaded.</summary>
    public void Dispose()
    {
    }

    private static List<PolicyMetadata.Entry> Find(string assemblyPath)
    {
        var found = PolicyMetadata.Read(assemblyPath, out var implementsPolicy);
        if (found.Count == 0)
        {
            var runtime = typeof(PolicyRegistry).Assembly.GetName().Version;
            throw new PacInputException(implementsPolicy
                ? $"{assemblyPath}: its policy carries no policy data ([PolicyRegistryData]); it was built by an older PolicyAsCode: rebuild it with PolicyAsCode {runtime}, which pac reads without running it."
                : $"{assemblyPath}: holds no policy (no user tier compiled by PolicyAsCode; no type implements PolicyAsCode.IUserTierPolicy<T>).");
        }

        found.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return found;
    }

    private static PolicyMetadata.Entry Choose(string assemblyPath, List<PolicyMetadata.Entry> policies, string? policy)
    {
        var names = string.Join(", ", policies.Select(p => p.FullName));
        if (policy is null)
        {
            return policies.Count == 1
                ? policies[0]
                : throw new PacInputException($"{assemblyPath}: holds several policies; choose one with --policy: {names}.");
        }

        var matches = policies.Where(p => p.FullName == policy).ToList();
        if (matches.Count == 0)
        {
            matches = policies.Where(p => p.Name == policy).ToList();
        }

        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new PacInputException($"{assemblyPath}: no policy named {policy}; it holds: {names}."),
            _ => throw new PacInputException($"{assemblyPath}: several policies are named {policy}; use the full name: {string.Join(", ", matches.Select(p => p.FullName))}."),
        };
    }

    // The data is as untrusted as the file: a format pac does not read, or data it cannot decode, is bad input.
    private static PolicyRegistry Decode(string assemblyPath, PolicyMetadata.Entry entry)
    {
        if (entry.Format is < PolicyRegistryData.OldestFormat or > PolicyRegistryData.Format)
        {
            var runtime = typeof(PolicyRegistry).Assembly.GetName().Version;
            throw new PacInputException(entry.Format > PolicyRegistryData.Format
                ? $"{assemblyPath}: {entry.FullName} was built by a newer PolicyAsCode (policy data format {entry.Format}; pac reads format {PolicyRegistryData.Format}, PolicyAsCode {runtime}): use the pac of that version."
                : $"{assemblyPath}: {entry.FullName} carries policy data of format {entry.Format}, which no PolicyAsCode writes; pac reads formats {PolicyRegistryData.OldestFormat} to {PolicyRegistryData.Format}.");
        }

        try
        {
            return PolicyRegistryData.Read(entry.Data, entry.Format);
        }
        catch (FormatException e)
        {
            throw new PacInputException($"{assemblyPath}: the policy data of {entry.FullName} cannot be read: {OneLine(e.Message)}", e);
        }
    }

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>Every policy of one assembly (or the one chosen), read without running them.</summary>
    internal sealed class LoadedPolicies : IDisposable
    {
        internal LoadedPolicies(string path, IReadOnlyList<(string Type, PolicyRegistry Registry)> policies)
        {
            Path = path;
            Policies = policies;
        }

        /// <summary>The assembly file, as given.</summary>
        public string Path { get; }

        /// <summary>The user tiers' full type names and their registries, by full type name.</summary>
        public IReadOnlyList<(string Type, PolicyRegistry Registry)> Policies { get; }

        /// <summary>Nothing to release: the file was read and closed, and nothing was loaded.</summary>
        public void Dispose()
        {
        }
    }
}
