using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace PolicyAsCode.Tool;

/// <summary>
/// Loads a compiled policy assembly without running its code. The assembly and its dependencies load into a collectible
/// <see cref="AssemblyLoadContext"/> of their own (dependencies found through the assembly's <c>.deps.json</c>, else
/// beside it); the runtime library <c>PolicyAsCode</c> always resolves to the tool's own copy, so the policy's
/// <see cref="PolicyRegistry"/> is the type the tool reads. Policy types are found by their interfaces alone; the only
/// code that runs is the generated static <c>Registry</c> property, and with it the generated type's static initialiser.
/// </summary>
internal sealed class LoadedPolicy : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedPolicy(AssemblyLoadContext context, string path, Type type, PolicyRegistry registry)
    {
        _context = context;
        Path = path;
        Type = type;
        Registry = registry;
    }

    /// <summary>The assembly file, as given.</summary>
    public string Path { get; }

    /// <summary>The user-tier type.</summary>
    public Type Type { get; }

    /// <summary>Its registry.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>
    /// Loads the policy of <paramref name="assemblyPath"/>: the one user tier it holds, or the one named
    /// <paramref name="policy"/> (full or simple type name).
    /// </summary>
    /// <exception cref="PacInputException">The file is missing, is not a .NET assembly, or holds no policy, several
    /// policies and no <paramref name="policy"/>, or none of that name.</exception>
    public static LoadedPolicy Load(string assemblyPath, string? policy) =>
        InContext(assemblyPath, (context, assembly) =>
        {
            var type = Choose(assemblyPath, FindPolicies(assemblyPath, assembly), policy);
            return new LoadedPolicy(context, assemblyPath, type, ReadRegistry(assemblyPath, type));
        });

    /// <summary>
    /// Loads every policy of <paramref name="assemblyPath"/>, or only the one named <paramref name="policy"/> (full or
    /// simple type name), in one load context.
    /// </summary>
    /// <exception cref="PacInputException">The file is missing, is not a .NET assembly, or holds no policy, or none
    /// named <paramref name="policy"/>.</exception>
    public static LoadedPolicies LoadEach(string assemblyPath, string? policy) =>
        InContext(assemblyPath, (context, assembly) =>
        {
            var found = FindPolicies(assemblyPath, assembly);
            List<Type> chosen = policy is null && found.Count > 1 ? found : [Choose(assemblyPath, found, policy)];
            return new LoadedPolicies(context, assemblyPath, chosen.Select(t => (t, ReadRegistry(assemblyPath, t))).ToList());
        });

    // Checks the file, loads it into a load context of its own and runs `load` there; unloads the context on failure.
    private static T InContext<T>(string assemblyPath, Func<AssemblyLoadContext, Assembly, T> load)
    {
        var path = System.IO.Path.GetFullPath(assemblyPath);
        if (!File.Exists(path))
        {
            throw new PacInputException($"{assemblyPath}: no such file.");
        }

        try
        {
            AssemblyName.GetAssemblyName(path);
        }
        catch (BadImageFormatException)
        {
            throw new PacInputException($"{assemblyPath}: not a .NET assembly.");
        }

        var context = new PolicyLoadContext(path);
        try
        {
            return load(context, context.LoadFromAssemblyPath(path));
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            context.Unload();
            throw new PacInputException($"{assemblyPath}: could not be loaded: {e.Message}", e);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>Unloads the assembly's load context.</summary>
    public void Dispose() => _context.Unload();

    private static List<Type> FindPolicies(string assemblyPath, Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            var first = e.LoaderExceptions.FirstOrDefault(x => x is not null)?.Message ?? e.Message;
            var runtime = typeof(PolicyRegistry).Assembly.GetName().Version;
            throw new PacInputException($"{assemblyPath}: its types could not be loaded (was it built against another version of PolicyAsCode? pac reads it with PolicyAsCode {runtime}): {OneLine(first)}", e);
        }

        var policies = new List<Type>();
        foreach (var type in types)
        {
            if (type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(IsUserTierPolicy))
            {
                policies.Add(type);
            }
        }

        policies.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return policies;
    }

    private static bool IsUserTierPolicy(Type candidate) =>
        candidate.IsGenericType && candidate.GetGenericTypeDefinition() == typeof(IUserTierPolicy<>);

    private static Type Choose(string assemblyPath, List<Type> policies, string? policy)
    {
        if (policies.Count == 0)
        {
            throw new PacInputException($"{assemblyPath}: holds no policy (no type implements PolicyAsCode.IUserTierPolicy<T>).");
        }

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

    private static PolicyRegistry ReadRegistry(string assemblyPath, Type type)
    {
        var property = type.GetProperty("Registry", BindingFlags.Public | BindingFlags.Static);
        if (property is null || property.PropertyType != typeof(PolicyRegistry))
        {
            throw new PacInputException($"{assemblyPath}: {type.FullName} has no public static PolicyRegistry Registry.");
        }

        try
        {
            return property.GetValue(null) as PolicyRegistry
                ?? throw new PacInputException($"{assemblyPath}: {type.FullName}.Registry is null.");
        }
        catch (TargetInvocationException e)
        {
            var inner = e.InnerException is TypeInitializationException { InnerException: { } cause } ? cause : e.InnerException ?? e;
            throw new PacInputException($"{assemblyPath}: reading {type.FullName}.Registry failed: {OneLine(inner.Message)}", e);
        }
    }

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    /// <summary>Every policy of one assembly (or the one chosen), loaded together, without running them.</summary>
    internal sealed class LoadedPolicies : IDisposable
    {
        private readonly AssemblyLoadContext _context;

        internal LoadedPolicies(AssemblyLoadContext context, string path, IReadOnlyList<(Type Type, PolicyRegistry Registry)> policies)
        {
            _context = context;
            Path = path;
            Policies = policies;
        }

        /// <summary>The assembly file, as given.</summary>
        public string Path { get; }

        /// <summary>The user-tier types and their registries, by full type name.</summary>
        public IReadOnlyList<(Type Type, PolicyRegistry Registry)> Policies { get; }

        /// <summary>Unloads the assembly's load context.</summary>
        public void Dispose() => _context.Unload();
    }

    /// <summary>The collectible context a policy assembly and its dependencies load into.</summary>
    private sealed class PolicyLoadContext : AssemblyLoadContext
    {
        private static readonly Assembly Runtime = typeof(PolicyRegistry).Assembly;

        private readonly AssemblyDependencyResolver? _resolver;
        private readonly string _directory;

        public PolicyLoadContext(string path)
            : base("pac: " + System.IO.Path.GetFileName(path), isCollectible: true)
        {
            _directory = System.IO.Path.GetDirectoryName(path)!;
            try
            {
                _resolver = new AssemblyDependencyResolver(path);
            }
            catch (InvalidOperationException)
            {
                _resolver = null;   // no usable .deps.json: dependencies are looked for beside the assembly
            }
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (string.Equals(assemblyName.Name, Runtime.GetName().Name, StringComparison.OrdinalIgnoreCase))
            {
                return Runtime;
            }

            var path = _resolver?.ResolveAssemblyToPath(assemblyName);
            if (path is null)
            {
                var beside = System.IO.Path.Combine(_directory, assemblyName.Name + ".dll");
                path = File.Exists(beside) && !IsFramework(assemblyName) ? beside : null;
            }

            return path is null ? null : LoadFromAssemblyPath(path);
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
            return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
        }

        private static bool IsFramework(AssemblyName name) =>
            Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase));
    }
}
