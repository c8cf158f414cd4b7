using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolicyAsCode.Runtime;

/// <summary>
/// A stable fingerprint of a policy's rules: the same registry gives the same fingerprint on every machine, and any
/// change to a tier (a law's <c>Within</c> included: which laws apply where is part of the rules), dimension, bound
/// (and the jurisdiction an overlay confines it to), condition, waiver, default or hazard rule changes it. Decision logs and
/// telemetry carry it as the policy version, so every decision can be traced to the exact rules that made it.
/// </summary>
public static class PolicyFingerprint
{
    /// <summary>The first 12 hexadecimal digits of the SHA-256 of the registry's canonical text.</summary>
    public static string Of(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var text = Canonical(registry);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash, 0, 6);
    }

    /// <summary>The canonical text the fingerprint hashes: one line per rule, invariant culture, registry order.</summary>
    public static string Canonical(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var b = new StringBuilder();
        b.Append("policy ").Append(registry.Name).Append('\n');
        foreach (var tier in registry.Tiers)
        {
            b.Append("tier ").Append(I(tier.Index)).Append(' ').Append(tier.Rank).Append(' ').Append(tier.Name).Append(' ').Append(tier.TypeName)
                .Append(" within ").Append(string.Join(",", tier.Within)).Append('\n');
        }

        foreach (var d in registry.Dimensions)
        {
            b.Append("dimension ").Append(I(d.Index)).Append(' ').Append(d.Name).Append(' ').Append(d.Kind).Append(' ').Append(d.TypeName)
                .Append(' ').Append(d.Domain.ToString()).Append(d.HigherIsStricter ? " higher-stricter" : string.Empty)
                .Append(" default ").Append(d.Default.ToString()).Append(d.HasInitialiser ? " initialised" : string.Empty)
                .Append(" members ").Append(string.Join(",", d.Members)).Append('\n');
        }

        foreach (var r in registry.Bounds)
        {
            b.Append("bound ").Append(I(r.Index)).Append(" d").Append(I(r.Dimension)).Append(" t").Append(I(r.Tier)).Append(' ').Append(r.Form)
                .Append(' ').Append(r.Bound.ToString()).Append(' ').Append(r.Condition.ToString())
                .Append(r.WaivableBy is { } w ? " waivable-by " + w : string.Empty).Append(r.UnderLaw >= 0 ? " under t" + I(r.UnderLaw) : string.Empty)
                .Append(' ').Append(r.Source).Append(" reason ").Append(r.Reason).Append('\n');
        }

        foreach (var f in registry.Forbids)
        {
            b.Append("forbid ").Append(I(f.Index)).Append(" t").Append(I(f.Tier)).Append(" 0x").Append(((ulong)f.Hazards).ToString("X", CultureInfo.InvariantCulture))
                .Append(' ').Append(f.Condition.ToString()).Append(f.Dimension is { } own ? " own d" + I(own) : string.Empty).Append(" reason ").Append(f.Reason).Append('\n');
        }

        foreach (var w in registry.Waivers)
        {
            b.Append("waiver ").Append(I(w.Index)).Append(" t").Append(I(w.Claimant)).Append(" d").Append(I(w.Dimension)).Append(" of t").Append(I(w.Waived))
                .Append(' ').Append(w.Condition.ToString()).Append(w.IsDelegated ? " delegated" : string.Empty).Append('\n');
        }

        foreach (var d in registry.Defaults)
        {
            b.Append("default t").Append(I(d.Tier)).Append(" d").Append(I(d.Dimension)).Append(' ').Append(d.Value.ToString()).Append('\n');
        }

        foreach (var h in registry.CustomHazards)
        {
            b.Append("hazard 0x").Append(((ulong)h.Hazard).ToString("X", CultureInfo.InvariantCulture)).Append(' ').Append(h.Code).Append('\n');
        }

        // A project's own benefits and risks: telemetry and records name links by these ids, so a renamed id is a new
        // version. A policy without any hashes as it did before they existed.
        foreach (var c in registry.CustomBenefits)
        {
            b.Append("benefit ").Append(I((int)c.Benefit)).Append(' ').Append(c.Entry.Id).Append(' ').Append(c.Entry.Level).Append('\n');
        }

        foreach (var c in registry.CustomRisks)
        {
            b.Append("risk ").Append(I((int)c.Risk)).Append(' ').Append(c.Entry.Id).Append(' ').Append(c.Entry.Level).Append('\n');
        }

        return b.ToString();
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
