using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace PolicyAsCode.Runtime;

/// <summary>
/// A runtime overlay: extra bounds and hazard rules an organisation adds to its compiled tier without redeploying.
/// An overlay may only narrow: <see cref="PolicyOverlayCompiler"/> rejects any bound wider than what the compiled policy
/// already allows, naming the dimension and the bound, and a rejected overlay leaves the previous policy in force.
/// A bound may be confined to one jurisdiction (<see cref="In"/>, or a <c>Jurisdictions</c> section); it then binds
/// wherever that jurisdiction's law applies, nested jurisdictions included.
/// Overlays are immutable; each configuration change yields a new one, relative to the compiled policy (not cumulative).
/// </summary>
public sealed class PolicyOverlay : IEquatable<PolicyOverlay>
{
    /// <summary>The configuration keys of an overlay section that are not dimension names.</summary>
    public static readonly ImmutableArray<string> ReservedKeys = ["Organisation", "ForbidHazards", "ForbidReason", "Jurisdictions"];

    private static readonly (string Key, BoundForm Form)[] FormKeys =
    [
        ("AtLeast", BoundForm.AtLeast),
        ("AtMost", BoundForm.AtMost),
        ("Between", BoundForm.Between),
        ("Locked", BoundForm.Locked),
        ("Allowed", BoundForm.Allowed),
    ];

    private PolicyOverlay(string? organisation, ImmutableArray<OverlayBound> bounds, ImmutableArray<string> forbidHazards, string? forbidReason, ImmutableArray<string> problems)
    {
        Organisation = organisation;
        Bounds = bounds;
        ForbidHazards = forbidHazards;
        ForbidReason = forbidReason;
        Problems = problems;
    }

    /// <summary>The overlay that adds nothing: the compiled policy as it is.</summary>
    public static PolicyOverlay Empty { get; } = new(null, [], [], null, []);

    /// <summary>The organisation tier narrowed (by name); null means the policy's only organisation tier.</summary>
    public string? Organisation { get; }

    /// <summary>The bounds added, in order.</summary>
    public ImmutableArray<OverlayBound> Bounds { get; }

    /// <summary>Hazards the organisation forbids in addition: Llama Guard codes (<c>S11</c>), hazard names (<c>SuicideAndSelfHarm</c>) or the policy's custom codes.</summary>
    public ImmutableArray<string> ForbidHazards { get; }

    /// <summary>Why the extra hazards are forbidden.</summary>
    public string? ForbidReason { get; }

    /// <summary>Problems found while reading the overlay (unknown keys, a malformed section); an overlay with any is rejected.</summary>
    public ImmutableArray<string> Problems { get; }

    /// <summary>Whether the overlay adds nothing and has no problems.</summary>
    public bool IsEmpty => Bounds.IsEmpty && ForbidHazards.IsEmpty && Problems.IsEmpty;

    /// <summary>An overlay that could not be read at all: it carries only the problem, and is rejected.</summary>
    internal static PolicyOverlay Malformed(string problem) => new(null, [], [], null, [problem]);

    /// <summary>This overlay narrowing the named organisation tier.</summary>
    public PolicyOverlay ForOrganisation(string? organisation) => new(organisation, Bounds, ForbidHazards, ForbidReason, Problems);

    /// <summary>This overlay with a bound added.</summary>
    public PolicyOverlay With(OverlayBound bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        return new(Organisation, Bounds.Add(bound), ForbidHazards, ForbidReason, Problems);
    }

    /// <summary>Adds <c>AtMost(value)</c> on <paramref name="dimension"/>.</summary>
    public PolicyOverlay AtMost(string dimension, object value, string? reason = null) => With(new OverlayBound(dimension, BoundForm.AtMost, [Text(value)], Reason: reason));

    /// <summary>Adds <c>AtLeast(value)</c> on <paramref name="dimension"/>.</summary>
    public PolicyOverlay AtLeast(string dimension, object value, string? reason = null) => With(new OverlayBound(dimension, BoundForm.AtLeast, [Text(value)], Reason: reason));

    /// <summary>Adds <c>Between(lo, hi)</c> on <paramref name="dimension"/>.</summary>
    public PolicyOverlay Between(string dimension, object lo, object hi, string? reason = null) => With(new OverlayBound(dimension, BoundForm.Between, [Text(lo), Text(hi)], Reason: reason));

    /// <summary>Adds <c>Locked(value)</c> on <paramref name="dimension"/>.</summary>
    public PolicyOverlay Locked(string dimension, object value, string? reason = null) => With(new OverlayBound(dimension, BoundForm.Locked, [Text(value)], Reason: reason));

    /// <summary>Adds <c>Allowed(values...)</c> on <paramref name="dimension"/>.</summary>
    public PolicyOverlay Allowed(string dimension, params object[] values) => With(new OverlayBound(dimension, BoundForm.Allowed, [.. values.Select(Text)]));

    /// <summary>
    /// This overlay with the bounds <paramref name="narrow"/> adds confined to <paramref name="jurisdiction"/>: they bind
    /// wherever its law applies (in DE and every jurisdiction within DE, for <c>In("DE", ...)</c>; in DE too, for
    /// <c>In("EU", ...)</c> when DE is within EU). Hazard rules apply in every jurisdiction and cannot be confined: one
    /// added inside is recorded as a problem, as is a bound already confined to another jurisdiction.
    /// </summary>
    public PolicyOverlay In(string jurisdiction, Func<PolicyOverlay, PolicyOverlay> narrow)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        ArgumentNullException.ThrowIfNull(narrow);
        var inner = narrow(Empty);
        var bounds = Bounds.ToBuilder();
        var problems = Problems.ToBuilder();
        problems.AddRange(inner.Problems);
        foreach (var bound in inner.Bounds)
        {
            if (bound.Jurisdiction is { } other && !string.Equals(other, jurisdiction, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{bound.Dimension} in {jurisdiction}: already confined to {other}; a bound is confined to one jurisdiction");
            }

            bounds.Add(bound with { Jurisdiction = jurisdiction });
        }

        if (!inner.ForbidHazards.IsEmpty || inner.Organisation is not null)
        {
            problems.Add($"Jurisdictions in {jurisdiction}: only bounds may be confined to a jurisdiction; write ForbidHazards and Organisation at the top level");
        }

        return new(Organisation, bounds.ToImmutable(), ForbidHazards, ForbidReason, problems.ToImmutable());
    }

    /// <summary>This overlay forbidding more hazards.</summary>
    public PolicyOverlay Forbid(Hazard hazards, string? reason = null)
    {
        var codes = ImmutableArray.CreateBuilder<string>();
        foreach (var hazard in HazardNames.Bits(hazards))
        {
            // A project's own category has no shipped code here: it goes by its enum name (Custom1 ...), as overlays write it.
            codes.Add(HazardNames.Name(hazard)?.Code ?? hazard.ToString());
        }

        return Forbid(codes.ToImmutable(), reason);
    }

    /// <summary>This overlay forbidding more hazards, by code or name.</summary>
    public PolicyOverlay Forbid(IEnumerable<string> hazards, string? reason = null) =>
        new(Organisation, Bounds, ForbidHazards.AddRange(hazards), reason ?? ForbidReason, Problems);

    /// <summary>
    /// Reads an overlay from a configuration section (JSON, environment variables or any provider):
    /// <code>
    /// "Overlay": {
    ///   "Organisation": "contoso-learning",              // optional: the policy's only organisation tier by default
    ///   "Maturity":   { "AtMost": "General", "Reason": "pilot for younger learners" },
    ///   "MemoryDays": { "Between": [0, 7] },
    ///   "Tone":       { "Allowed": ["Neutral", "Friendly"], "When": "Minor" },
    ///   "ForbidHazards": ["S11"], "ForbidReason": "self-harm topics go to a human",
    ///   "Jurisdictions": {                                // optional: bounds confined to one jurisdiction's law
    ///     "DE": { "MemoryDays": { "AtMost": 7 } }       // binds in DE (and any jurisdiction within DE)
    ///   }
    /// }
    /// </code>
    /// Every other key names a dimension; its object holds one or more of AtMost, AtLeast, Between, Locked and
    /// Allowed, and optionally When, Unless (fact names) and Reason. Each key of <c>Jurisdictions</c> names a
    /// jurisdiction and holds dimensions written the same way. Unknown keys are recorded as <see cref="Problems"/>,
    /// so a typo rejects the overlay instead of being ignored.
    /// </summary>
    public static PolicyOverlay FromConfiguration(IConfiguration? section)
    {
        if (section is null)
        {
            return Empty;
        }

        string? organisation = null;
        string? forbidReason = null;
        var bounds = ImmutableArray.CreateBuilder<OverlayBound>();
        var forbid = ImmutableArray.CreateBuilder<string>();
        var problems = ImmutableArray.CreateBuilder<string>();

        foreach (var child in section.GetChildren())
        {
            if (string.Equals(child.Key, "Organisation", StringComparison.OrdinalIgnoreCase))
            {
                organisation = NullIfBlank(Scalar(child, problems));
            }
            else if (string.Equals(child.Key, "ForbidReason", StringComparison.OrdinalIgnoreCase))
            {
                forbidReason = NullIfBlank(Scalar(child, problems));
            }
            else if (string.Equals(child.Key, "ForbidHazards", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in Values(child, problems))
                {
                    forbid.AddRange(value.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
            }
            else if (string.Equals(child.Key, "Jurisdictions", StringComparison.OrdinalIgnoreCase))
            {
                ReadJurisdictions(child, bounds, problems);
            }
            else
            {
                ReadDimension(child, null, bounds, problems);
            }
        }

        var overlay = new PolicyOverlay(organisation, bounds.ToImmutable(), forbid.ToImmutable(), forbidReason, problems.ToImmutable());
        return overlay.IsEmpty && organisation is null ? Empty : overlay;
    }

    /// <summary>The overlay as configuration-like text, one entry per line, for logs and error messages.</summary>
    public string Describe()
    {
        if (IsEmpty)
        {
            return "(no overlay)";
        }

        var b = new StringBuilder();
        if (Organisation is not null)
        {
            b.Append("Organisation = ").Append(Organisation).Append('\n');
        }

        foreach (var bound in Bounds)
        {
            b.Append(bound).Append('\n');
        }

        if (!ForbidHazards.IsEmpty)
        {
            b.Append("ForbidHazards = ").Append(string.Join(", ", ForbidHazards)).Append('\n');
        }

        foreach (var problem in Problems)
        {
            b.Append("problem: ").Append(problem).Append('\n');
        }

        return b.ToString().TrimEnd('\n');
    }

    /// <inheritdoc/>
    public bool Equals(PolicyOverlay? other) =>
        other is not null && Organisation == other.Organisation && Bounds.SequenceEqual(other.Bounds)
        && ForbidHazards.SequenceEqual(other.ForbidHazards) && ForbidReason == other.ForbidReason && Problems.SequenceEqual(other.Problems);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PolicyOverlay other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Organisation, Bounds.Length, ForbidHazards.Length, Problems.Length);

    /// <inheritdoc/>
    public override string ToString() => Describe();

    // "Jurisdictions": { "DE": { "MemoryDays": { ... } } }: each jurisdiction holds dimensions, nothing else.
    private static void ReadJurisdictions(IConfigurationSection section, ImmutableArray<OverlayBound>.Builder bounds, ImmutableArray<string>.Builder problems)
    {
        var jurisdictions = section.GetChildren().ToList();
        if (jurisdictions.Count == 0)
        {
            problems.Add($"Jurisdictions: expected an object of jurisdictions, each holding dimensions, found '{section.Value}'");
            return;
        }

        foreach (var jurisdiction in jurisdictions)
        {
            var dimensions = jurisdiction.GetChildren().ToList();
            if (dimensions.Count == 0)
            {
                problems.Add($"Jurisdictions in {jurisdiction.Key}: expected an object of dimensions, found '{jurisdiction.Value}'");
            }

            foreach (var dimension in dimensions)
            {
                if (ReservedKeys.Contains(dimension.Key, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"Jurisdictions in {jurisdiction.Key}: '{dimension.Key}' cannot be confined to a jurisdiction; write it at the top level");
                }
                else
                {
                    ReadDimension(dimension, jurisdiction.Key, bounds, problems);
                }
            }
        }
    }

    private static void ReadDimension(IConfigurationSection section, string? jurisdiction, ImmutableArray<OverlayBound>.Builder bounds, ImmutableArray<string>.Builder problems)
    {
        // Problems name the dimension first (and where it is confined), as compilation errors do.
        var dimension = section.Key;
        var label = jurisdiction is null ? dimension : $"{dimension} in {jurisdiction}";
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            problems.Add($"{label}: expected an object with AtMost, AtLeast, Between, Locked or Allowed, found '{section.Value}'");
            return;
        }

        var when = Fact.None;
        var unless = Fact.None;
        string? reason = null;
        var forms = new List<(BoundForm Form, ImmutableArray<string> Values)>();
        foreach (var child in children)
        {
            var formKey = Array.FindIndex(FormKeys, f => string.Equals(f.Key, child.Key, StringComparison.OrdinalIgnoreCase));
            if (formKey >= 0)
            {
                forms.Add((FormKeys[formKey].Form, [.. Values(child, problems)]));
            }
            else if (string.Equals(child.Key, "When", StringComparison.OrdinalIgnoreCase))
            {
                when = ReadFacts(label, child, problems);
            }
            else if (string.Equals(child.Key, "Unless", StringComparison.OrdinalIgnoreCase))
            {
                unless = ReadFacts(label, child, problems);
            }
            else if (string.Equals(child.Key, "Reason", StringComparison.OrdinalIgnoreCase))
            {
                reason = NullIfBlank(Scalar(child, problems));
            }
            else
            {
                problems.Add($"{label}: unknown key '{child.Key}' (expected AtMost, AtLeast, Between, Locked, Allowed, When, Unless or Reason)");
            }
        }

        if (forms.Count == 0)
        {
            problems.Add($"{label}: no bound given (expected AtMost, AtLeast, Between, Locked or Allowed)");
        }

        foreach (var (form, values) in forms)
        {
            bounds.Add(new OverlayBound(dimension, form, values, when, unless, reason, jurisdiction));
        }
    }

    private static Fact ReadFacts(string dimension, IConfigurationSection section, ImmutableArray<string>.Builder problems)
    {
        var facts = Fact.None;
        foreach (var value in Values(section, problems))
        {
            foreach (var name in value.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (TryParseFact(name, out var fact))
                {
                    facts |= fact;
                }
                else
                {
                    problems.Add($"{dimension}: '{name}' is not a fact (expected one of {string.Join(", ", Enum.GetNames<Fact>().Where(n => n != nameof(Fact.None)))})");
                }
            }
        }

        return facts;
    }

    internal static bool TryParseFact(string name, out Fact fact)
    {
        foreach (var candidate in Enum.GetValues<Fact>())
        {
            if (candidate != Fact.None && string.Equals(candidate.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                fact = candidate;
                return true;
            }
        }

        fact = Fact.None;
        return false;
    }

    // A scalar ("General") or an array (["en", "fr"] arrives as keys 0, 1, ... in order). Anything else (an object
    // where a list goes, a list of lists, keys that are not 0..n-1) is malformed: it is recorded with its configuration
    // path and no value is taken from it, so the overlay is rejected rather than read as something it does not say.
    private static List<string> Values(IConfigurationSection section, ImmutableArray<string>.Builder problems)
    {
        if (section.Value is { } scalar)
        {
            return [scalar];
        }

        var children = section.GetChildren().ToList();
        var values = new string?[children.Count];
        foreach (var child in children)
        {
            if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= values.Length
                || !string.Equals(child.Key, index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                problems.Add($"{section.Path}: expected a value or a list of values, found an object with key '{child.Key}'");
                return [];
            }

            if (child.Value is null)
            {
                problems.Add($"{child.Path}: expected a value, found {(child.GetChildren().Any() ? "an object or a list" : "nothing")}");
                return [];
            }

            values[index] = child.Value;
        }

        return [.. values.Select(v => v ?? string.Empty)];
    }

    // Organisation, ForbidReason and Reason take one value: an object or a list there is malformed, not absent (an
    // Organisation silently dropped would narrow the policy's only organisation tier instead of the one named).
    private static string? Scalar(IConfigurationSection section, ImmutableArray<string>.Builder problems)
    {
        if (section.Value is null && section.GetChildren().Any())
        {
            problems.Add($"{section.Path}: expected a single value, found an object or a list");
        }

        return section.Value;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Text(object value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
