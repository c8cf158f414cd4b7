using System;
using System.ComponentModel;

namespace PolicyAsCode.Compiled;

/// <summary>
/// The policy's registry as constant data, on the user tier the generator compiles: what <see cref="PolicyRegistryData.Read(string, int)"/>
/// turns into the <see cref="PolicyRegistry"/> the tier's <c>Registry</c> property returns. It is in the assembly's
/// metadata, so tools (<c>pac</c>) read the policy without loading the assembly or running any of its code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class PolicyRegistryDataAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="format">The version of the data's format (<see cref="PolicyRegistryData.Format"/> when it was written).</param>
    /// <param name="data">The registry, as <see cref="PolicyRegistryData"/> writes it.</param>
    public PolicyRegistryDataAttribute(int format, string data)
    {
        Format = format;
        Data = data;
    }

    /// <summary>The version of the data's format.</summary>
    public int Format { get; }

    /// <summary>The registry as JSON.</summary>
    public string Data { get; }
}
