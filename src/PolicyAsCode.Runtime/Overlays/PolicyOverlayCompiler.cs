using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Checks an overlay against a compiled policy and turns it into a registry: each overlay bound becomes a
/// <see cref="BoundRule"/> of the organisation tier, each extra hazard one <see cref="ForbidRule"/>, appended after the
/// tier's compiled rules so the canonical order holds. A bound confined to a jurisdiction stays the organisation's and
/// binds only where that jurisdiction's law applies (<see cref="BoundRule.UnderLaw"/>). A bound is accepted only if it
/// lies within, for every jurisdiction it binds in, the intersection of the compiled policy's unconditional bounds on
/// its dimension there (<see cref="Lattice.IsWithin"/>): it may only narrow, whatever level it is measured against.
/// Which bounds bind where is asked of the semantics (<see cref="Binding"/>, <see cref="PolicyShape.TierApplies"/>),
/// never worked out here. Anything else is rejected with an error naming the dimension and the bound, and nothing is
/// built.
/// </summary>
public static class PolicyOverlayCompiler
{
    /// <summary>The reason recorded on an overlay rule that gives none.</summary>
    public const string DefaultReason = "runtime overlay";

    /// <summary>Compiles <paramref name="overlay"/> against <paramref name="compiled"/>.</summary>
    public static OverlayCompilation Compile(PolicyRegistry compiled, PolicyOverlay overlay)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(overlay);
        if (overlay.IsEmpty)
        {
            return new OverlayCompilation(overlay, compiled, []);
        }

        var errors = ImmutableArray.CreateBuilder<OverlayError>();
        foreach (var problem in overlay.Problems)
        {
            errors.Add(new OverlayError(OverlayErrorKind.Invalid, DimensionOf(problem), null, problem));
        }

        var tier = FindOrganisation(compiled, overlay.Organisation, errors);
        var builder = new PolicyRegistryBuilder(compiled);
        foreach (var bound in overlay.Bounds)
        {
            CompileBound(compiled, bound, tier, builder, errors);
        }

        var forbidden = ReadHazards(compiled, overlay.ForbidHazards, errors);
        if (forbidden != Hazard.None)
        {
            if (compiled.Forbids.Length + 1 > PolicyRegistry.MaxForbidRules)
            {
                errors.Add(new OverlayError(OverlayErrorKind.Invalid, null, "ForbidHazards",
                    $"ForbidHazards: the policy already has {compiled.Forbids.Length} hazard rules; at most {PolicyRegistry.MaxForbidRules} are allowed"));
            }
            else if (tier >= 0)
            {
                builder.AddForbid(tier, forbidden, Condition.Always, overlay.ForbidReason ?? DefaultReason);
            }
        }

        if (errors.Count > 0 || tier < 0)
        {
            return new OverlayCompilation(overlay, null, errors.ToImmutable());
        }

        var overlaid = builder.Build();
        CheckEveryContext(compiled, overlaid, overlay, errors);
        return errors.Count > 0
            ? new OverlayCompilation(overlay, null, errors.ToImmutable())
            : new OverlayCompilation(overlay, overlaid, []);
    }

    // Each bound was checked against what the compiled policy guarantees in every context; this asks the semantics
    // the whole question for the dimensions the overlay touches, in every jurisdiction and context, contradictions and
    // waivers included: an overlay bound can make a conditional lower bound contradict and be skipped, which moves
    // what resolution grants. Whatever a single bound's check missed is caught here, before anything is swapped in.
    private static void CheckEveryContext(PolicyRegistry compiled, PolicyRegistry overlaid, PolicyOverlay overlay, ImmutableArray<OverlayError>.Builder errors)
    {
        foreach (var dimension in compiled.Dimensions)
        {
            var touching = overlay.Bounds.Where(b => string.Equals(b.Dimension, dimension.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (touching.Count > 0 && !(OverrideCheck.NeverWidens(compiled.Shape, overlaid.Shape, dimension.Index)
                && (!dimension.IsHazardSet || AvoidList.NeverCaps(compiled.Shape, overlaid.Shape, dimension.Index))))
            {
                var written = string.Join("; ", touching);
                errors.Add(new OverlayError(OverlayErrorKind.Widening, dimension.Name, written,
                    $"{dimension.Name}: {written} would let users choose something the compiled policy does not allow in some jurisdiction or context; an overlay may only narrow"));
            }
        }
    }

    /// <summary>
    /// The compiled policy's effective unconditional bound on <paramref name="dimension"/> in jurisdiction
    /// <paramref name="jurisdiction"/> (-1: no jurisdiction matched, every law applies): the bounds that apply in every
    /// context there, as the semantics answer it (<see cref="Binding.Always"/>).
    /// </summary>
    public static Bound EffectiveUnconditionalBound(PolicyRegistry registry, int dimension, int jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Binding.Always(registry.Shape, dimension, jurisdiction);
    }

    /// <summary>
    /// Whether an overlay bound tries to allow something the compiled bound <paramref name="effective"/> does not: it
    /// widens. Each form is judged on the limits it writes: <c>AtMost(v)</c> widens when v lies above what is allowed,
    /// <c>AtLeast(v)</c> when v lies below it (for a set, <c>AtLeast</c> only requires flags and never widens),
    /// <c>Between(lo, hi)</c> when either end lies outside, <c>Locked</c> and <c>Allowed</c> when a value they allow is
    /// not allowed. The written limits are compared with <see cref="Lattice.IsWithin"/> after the side a form leaves
    /// open is taken from <paramref name="effective"/>.
    /// </summary>
    public static bool Widens(BoundForm form, Bound overlay, Bound effective)
    {
        if (Lattice.IsEmpty(effective))
        {
            return false; // the compiled bounds already contradict; the overlay can only be checked for emptiness
        }

        var kind = overlay.Kind;
        if (Lattice.IsInterval(kind))
        {
            var limited = form switch
            {
                BoundForm.AtMost => new Bound(kind, effective.Lo, overlay.Hi, 0, 0),
                BoundForm.AtLeast => new Bound(kind, overlay.Lo, effective.Hi, 0, 0),
                _ => overlay,
            };
            return !Lattice.IsWithin(limited, effective);
        }

        if (kind == DimensionKind.Set)
        {
            var limited = form switch
            {
                BoundForm.AtLeast => new Bound(kind, 0, 0, effective.Floor, effective.Ceiling),
                BoundForm.AtMost or BoundForm.Allowed or BoundForm.Between => new Bound(kind, 0, 0, effective.Floor, overlay.Ceiling),
                _ => overlay,
            };
            return !Lattice.IsWithin(limited, effective);
        }

        // Member kinds: compare the written ends with the lowest and highest allowed positions.
        var lowest = Lattice.Strictest(effective, higherIsStricter: false).Position;
        var highest = Lattice.Strictest(effective, higherIsStricter: true).Position;
        var overlayLowest = Lattice.Strictest(overlay, higherIsStricter: false).Position;
        var overlayHighest = Lattice.Strictest(overlay, higherIsStricter: true).Position;
        return form switch
        {
            BoundForm.AtMost => overlayHighest > highest,
            BoundForm.AtLeast => overlayLowest < lowest,
            BoundForm.Between => overlayLowest < lowest || overlayHighest > highest,
            _ => !Lattice.IsWithin(overlay, effective),
        };
    }

    private static int FindOrganisation(PolicyRegistry registry, string? name, ImmutableArray<OverlayError>.Builder errors)
    {
        var organisations = registry.Tiers.Where(t => t.Rank == TierRank.Organisation).ToList();
        if (name is not null)
        {
            var match = organisations.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                errors.Add(new OverlayError(OverlayErrorKind.Invalid, null, null,
                    $"Organisation: '{name}' is not an organisation tier of this policy (it has {Names(organisations)})"));
                return -1;
            }

            return match.Index;
        }

        if (organisations.Count == 1)
        {
            return organisations[0].Index;
        }

        errors.Add(new OverlayError(OverlayErrorKind.Invalid, null, null, organisations.Count == 0
            ? "Organisation: this policy has no organisation tier to narrow"
            : $"Organisation: this policy has {organisations.Count} organisation tiers ({Names(organisations)}); name the one to narrow"));
        return -1;
    }

    private static string Names(List<TierInfo> tiers) => tiers.Count == 0 ? "none" : string.Join(", ", tiers.Select(t => t.Name));

    private static void CompileBound(PolicyRegistry registry, OverlayBound overlay, int tier, PolicyRegistryBuilder builder, ImmutableArray<OverlayError>.Builder errors)
    {
        var dimension = registry.Dimensions.FirstOrDefault(d => string.Equals(d.Name, overlay.Dimension, StringComparison.OrdinalIgnoreCase));
        var written = $"{overlay.Form}({string.Join(", ", overlay.Values)})";
        if (dimension is null)
        {
            errors.Add(new OverlayError(OverlayErrorKind.Invalid, overlay.Dimension, written,
                $"{overlay.Dimension}: not a dimension of this policy (it has {string.Join(", ", registry.Dimensions.Select(d => d.Name))})"));
            return;
        }

        if (!Lattice.Supports(dimension.Kind, overlay.Form))
        {
            errors.Add(new OverlayError(OverlayErrorKind.Invalid, dimension.Name, written, $"{dimension.Name}: {overlay.Form} cannot be written on a {dimension.Kind} dimension"));
            return;
        }

        var expected = overlay.Form switch
        {
            BoundForm.Between => (Min: 2, Max: 2),
            BoundForm.Allowed => (Min: 1, Max: int.MaxValue),
            _ when dimension.Kind == DimensionKind.Set => (Min: 1, Max: int.MaxValue),
            _ => (Min: 1, Max: 1),
        };
        if (overlay.Values.Length < expected.Min || overlay.Values.Length > expected.Max)
        {
            errors.Add(new OverlayError(OverlayErrorKind.Invalid, dimension.Name, written,
                $"{dimension.Name}: {overlay.Form} takes {(expected.Min == expected.Max ? expected.Min.ToString(CultureInfo.InvariantCulture) : "at least " + expected.Min.ToString(CultureInfo.InvariantCulture))} value(s), found {overlay.Values.Length}"));
            return;
        }

        var parsed = new List<(DimensionValue Value, string Literal)>();
        foreach (var text in overlay.Values)
        {
            if (!OverlayValues.TryParse(registry, dimension, text, out var value, out var literal, out var problem))
            {
                errors.Add(new OverlayError(OverlayErrorKind.Invalid, dimension.Name, written, $"{dimension.Name}: {problem}"));
                return;
            }

            parsed.Add((value, literal));
        }

        Bound bound;
        string source;
        if (dimension.Kind == DimensionKind.Set && overlay.Form != BoundForm.Between)
        {
            // A set's single-value forms take several flags; they are united into one mask.
            var mask = parsed.Aggregate(0UL, (m, p) => m | p.Value.Bits);
            bound = Lattice.Build(dimension.Domain, overlay.Form, DimensionValue.OfMask(mask), default);
            source = $"{overlay.Form}({OverlayValues.Literal(dimension, DimensionValue.OfMask(mask))})";
        }
        else if (overlay.Form == BoundForm.Allowed)
        {
            var positions = parsed.Aggregate(0UL, (m, p) => m | (p.Value.Bits < Lattice.MaxMembers ? 1UL << p.Value.Position : 0));
            bound = Lattice.Members(dimension.Domain, positions);
            source = $"Allowed({string.Join(", ", parsed.Select(p => p.Literal))})";
        }
        else
        {
            bound = Lattice.Build(dimension.Domain, overlay.Form, parsed[0].Value, parsed.Count > 1 ? parsed[1].Value : default);
            source = $"{overlay.Form}({string.Join(", ", parsed.Select(p => p.Literal))})";
        }

        if (Lattice.IsEmpty(bound))
        {
            errors.Add(new OverlayError(OverlayErrorKind.Invalid, dimension.Name, source, $"{dimension.Name}: {source} allows no value"));
            return;
        }

        // A user may always forbid more for themselves: a cap on their own hazard list is a widening in every
        // jurisdiction and context, whatever the lattice order says (fewer permitted masks, more permitted content).
        if (dimension.IsHazardSet && AvoidList.Capped(dimension.Domain, bound) is var capped and not 0)
        {
            errors.Add(new OverlayError(OverlayErrorKind.Widening, dimension.Name, source,
                $"{dimension.Name}: {source} would stop users from avoiding {dimension.Format(DimensionValue.OfMask(capped))}; "
                + "a user may always avoid more hazards, so an overlay may only require hazards on this list (AtLeast), never cap it"));
            return;
        }

        var shape = registry.Shape;
        var underLaw = -1;
        if (overlay.Jurisdiction is { } confined)
        {
            underLaw = LawOf(shape, confined);
            if (underLaw < 0)
            {
                errors.Add(new OverlayError(OverlayErrorKind.Invalid, dimension.Name, source,
                    $"{dimension.Name}: '{confined}' is not a jurisdiction of this policy (it has {(shape.Jurisdictions.IsEmpty ? "none" : string.Join(", ", shape.Jurisdictions))})"));
                return;
            }

            source += " in " + shape.Jurisdictions[shape.JurisdictionOf(underLaw)];
        }

        // Checked in every jurisdiction the policy is deployed in where the bound binds: there it must narrow what
        // every level that applies (DE's law and EU's, for a request in DE) leaves. Where no jurisdiction matched,
        // every law and every confined bound applies; laws may disagree there, and resolution then fails closed.
        foreach (var jurisdiction in shape.DeployedJurisdictions())
        {
            if (underLaw >= 0 && !shape.TierApplies(underLaw, jurisdiction))
            {
                continue;
            }

            var effective = EffectiveUnconditionalBound(registry, dimension.Index, jurisdiction);
            var where = jurisdiction < 0 ? string.Empty : " in " + Wording.Jurisdiction(shape, jurisdiction);
            if (Widens(overlay.Form, bound, effective))
            {
                errors.Add(new OverlayError(OverlayErrorKind.Widening, dimension.Name, source,
                    $"{dimension.Name}: {source} would widen the compiled policy{where}, which allows {dimension.Format(effective)}; an overlay may only narrow"));
                return;
            }

            if (Lattice.IsEmpty(Lattice.Intersect(effective, bound)))
            {
                errors.Add(new OverlayError(OverlayErrorKind.Invalid, dimension.Name, source,
                    $"{dimension.Name}: {source} leaves no value the compiled policy{where} allows ({dimension.Format(effective)})"));
                return;
            }
        }

        if (tier >= 0)
        {
            builder.AddBound(tier, dimension.Index, overlay.Form, bound, new Condition(overlay.When, overlay.Unless), source, overlay.Reason ?? DefaultReason, underLaw: underLaw);
        }
    }

    // A law tier of the named jurisdiction: where it applies is where a bound confined to the jurisdiction binds
    // (every law tier of one jurisdiction applies in the same places). -1 when the policy has no such jurisdiction.
    private static int LawOf(PolicyShape shape, string jurisdiction)
    {
        var matched = shape.MatchJurisdiction(jurisdiction);
        for (var tier = 0; matched >= 0 && tier < shape.Tiers.Length; tier++)
        {
            if (shape.JurisdictionOf(tier) == matched)
            {
                return tier;
            }
        }

        return -1;
    }

    private static Hazard ReadHazards(PolicyRegistry registry, ImmutableArray<string> names, ImmutableArray<OverlayError>.Builder errors)
    {
        var hazards = Hazard.None;
        foreach (var name in names)
        {
            var hazard = OverlayValues.ParseHazard(registry, name);
            if (hazard == Hazard.None)
            {
                errors.Add(new OverlayError(OverlayErrorKind.Invalid, null, "ForbidHazards",
                    $"ForbidHazards: '{name}' is not a hazard this policy knows (use S1 to S14, a hazard name such as SuicideAndSelfHarm, or a custom code)"));
            }

            hazards |= hazard;
        }

        return hazards;
    }

    // "Maturity: ..." and "Maturity in DE: ..." both concern Maturity.
    private static string? DimensionOf(string problem)
    {
        var colon = problem.IndexOf(':', StringComparison.Ordinal);
        var space = problem.IndexOf(' ', StringComparison.Ordinal);
        var end = space > 0 && space < colon ? space : colon;
        return end > 0 ? problem[..end] : null;
    }
}
