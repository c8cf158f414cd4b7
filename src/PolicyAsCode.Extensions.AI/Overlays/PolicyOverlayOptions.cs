using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace PolicyAsCode.Runtime;

/// <summary>
/// The options a <see cref="PolicyEngine{TPreferences}"/> follows: the runtime overlay of one policy. They are named
/// options (<see cref="NameFor{TPreferences}"/>), so an application with several policies configures each apart.
/// </summary>
public sealed class PolicyOverlayOptions
{
    /// <summary>The overlay; <see cref="PolicyOverlay.Empty"/> keeps the compiled policy.</summary>
    public PolicyOverlay Overlay { get; set; } = PolicyOverlay.Empty;

    /// <summary>The options name of a policy's overlay: its registry's name (the user tier's full type name).</summary>
    public static string NameFor<TPreferences>()
        where TPreferences : class, IUserTierPolicy<TPreferences> => TPreferences.Registry.Name;
}

/// <summary>Reads <see cref="PolicyOverlayOptions"/> from a configuration section, again on every reload of the section.</summary>
internal sealed class ConfigureOverlayFromConfiguration(string name, IConfiguration section) : IConfigureNamedOptions<PolicyOverlayOptions>
{
    public void Configure(string? name1, PolicyOverlayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(name1 ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            options.Overlay = PolicyOverlay.FromConfiguration(section);
        }
    }

    public void Configure(PolicyOverlayOptions options) => Configure(Options.DefaultName, options);
}
