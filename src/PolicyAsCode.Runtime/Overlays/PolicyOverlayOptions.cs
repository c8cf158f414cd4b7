using System;
using System.Linq;
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

    /// <summary>
    /// Whether the bound configuration section was missing or empty when read: a file that was truncated, emptied,
    /// deleted or failed to load, or a section renamed by a typo. The engine keeps the overlay in force and reports it;
    /// only an explicit removal (the section set to <see cref="RemovalValue"/>) returns to the compiled policy.
    /// </summary>
    public bool IsMissing { get; set; }

    /// <summary>The value that removes an overlay explicitly: <c>"Policy:Overlay": "none"</c> (any case).</summary>
    public const string RemovalValue = "none";

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
            // Missing, explicitly removed, malformed as a whole, or an overlay: never an empty overlay by accident.
            var scalar = (section as IConfigurationSection)?.Value;
            var hasChildren = section.GetChildren().Any();
            options.IsMissing = !hasChildren && string.IsNullOrWhiteSpace(scalar);
            options.Overlay = hasChildren || options.IsMissing
                ? PolicyOverlay.FromConfiguration(section)
                : string.Equals(scalar!.Trim(), PolicyOverlayOptions.RemovalValue, StringComparison.OrdinalIgnoreCase)
                    ? PolicyOverlay.Empty
                    : PolicyOverlay.Malformed($"{(section as IConfigurationSection)?.Path ?? "overlay"}: expected an overlay object or \"{PolicyOverlayOptions.RemovalValue}\" to remove the overlay, found '{scalar}'");
        }
    }

    public void Configure(PolicyOverlayOptions options) => Configure(Options.DefaultName, options);
}
