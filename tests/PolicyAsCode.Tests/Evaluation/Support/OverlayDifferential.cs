using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using PolicyAsCode.Runtime;
using PolicyAsCode.Tests.Interpretation;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Runs cases through an overlaid <see cref="PolicySnapshot{TPreferences}"/> and through the reference interpreter of
/// its overlaid registry, and demands the same resolution (effective values, adjustments with their cause, bound and
/// tier, forbidden hazards, active rules, jurisdiction) and the same decisions.
/// </summary>
public static class OverlayDifferential
{
    /// <summary>
    /// Draws random overlays of <typeparamref name="T"/>'s policy (<see cref="RandomOverlays"/>) until
    /// <paramref name="overlays"/> are accepted, and checks <paramref name="cases"/> cases on each. Returns the cases
    /// checked and, of those, how many were granted as asked (the kept contexts' first path) and how many moved; and,
    /// apart from those, how many requests held one value outside its domain among values all within.
    /// </summary>
    public static (long Cases, long Unchanged, long Moved, long OutOfDomain) Run<T>(int seed, int overlays, int cases)
        where T : class, IUserTierPolicy<T>
    {
        if (!T.Registry.Tiers.Any(t => t.Rank == TierRank.Organisation) || T.Registry.Dimensions.IsEmpty)
        {
            return default;
        }

        var random = new PCG(2, unchecked((ulong)seed));
        var gen = RandomOverlays.Overlay(T.Registry);
        using var engine = new PolicyEngine<T>();
        var total = (Cases: 0L, Unchanged: 0L, Moved: 0L, OutOfDomain: 0L);
        var accepted = 0;
        for (var draw = 0; draw < overlays * 30 && accepted < overlays; draw++)
        {
            var overlay = gen.Generate(random, null!, out _);
            if (!engine.ApplyOverlay(overlay).Succeeded || !engine.Current.IsOverlaid)
            {
                continue;
            }

            accepted++;
            var (unchanged, moved, outOfDomain) = Check(engine.Current, cases, random, overlay.Describe());
            total = (total.Cases + unchanged + moved, total.Unchanged + unchanged, total.Moved + moved, total.OutOfDomain + outOfDomain);
        }

        return total;
    }

    /// <summary>
    /// Checks <paramref name="cases"/> random cases on an overlaid snapshot, and after each one the request of what it
    /// was granted, then that request with one value, of a dimension drawn at random, outside its domain; returns how
    /// many of the first two kinds were granted as asked and how many moved, and how many of the third were compared.
    /// </summary>
    public static (long Unchanged, long Moved, long OutOfDomain) Check<T>(PolicySnapshot<T> snapshot, int cases, PCG random, string overlay)
        where T : class, IUserTierPolicy<T>
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.KeepsContexts)
        {
            throw new DifferentialMismatchException($"policy {snapshot.Registry.Name} with the overlay\n{overlay}\nis interpreted, not resolved from kept contexts");
        }

        var interpreter = new PolicyInterpreter(snapshot.Registry);
        var gen = CaseGenerators.Cases(snapshot.Registry);
        var outside = snapshot.Registry.Dimensions.Select(RandomPolicies.OutOfDomainValue).ToArray();
        var (unchanged, moved, outOfDomain) = (0L, 0L, 0L);
        for (var i = 0; i < cases; i++)
        {
            // Each case asks again for what it was granted: random requests mostly move, and a request inside every
            // bound is the path a live service takes most (re-asking after every other case only left some seeds with
            // fewer than a tenth of the cases on it, where the test demands a tenth).
            var c = gen.Generate(random, null!, out _);
            var reference = Compare(snapshot, interpreter, c, overlay);
            Count(reference.IsAdjusted, ref unchanged, ref moved);
            if (c.Requested is not null)
            {
                var regranted = c with { Requested = reference.Effective, Unreadable = [] };
                Count(Compare(snapshot, interpreter, regranted, overlay).IsAdjusted, ref unchanged, ref moved);

                // One value the record's type can hold but the dimension cannot (NaN, an undefined member or flag) among
                // values that are all within: the first pass reads it typed, and must send it to the step as the
                // interpreter treats it, unreadable. Random requests rarely have every other value within.
                var d = (int)random.Next((uint)outside.Length);
                var requested = (DimensionValue[])reference.Effective.Clone();
                requested[d] = outside[d].Generate(random, null!, out _);
                Compare(snapshot, interpreter, regranted with { Requested = requested }, overlay);
                outOfDomain++;
            }
        }

        return (unchanged, moved, outOfDomain);
    }

    private static void Count(bool adjusted, ref long unchanged, ref long moved)
    {
        unchanged += adjusted ? 0 : 1;
        moved += adjusted ? 1 : 0;
    }

    // One case; returns the interpreter's resolution.
    private static Resolution<DimensionValue[]> Compare<T>(PolicySnapshot<T> snapshot, PolicyInterpreter interpreter, EvaluationCase c, string overlay)
        where T : class, IUserTierPolicy<T>
    {
        var requested = c.Requested is null ? null : T.Decode(c.Requested);
        var encoded = requested is null ? [] : T.Encode(requested);
        var unreadable = c.UnreadableSet;
        var overlaid = snapshot.Resolve(requested, c.Context, unreadable);
        var reference = interpreter.Resolve(encoded, c.Context, unreadable);

        var problems = new List<string>();
        var effective = overlaid.IsResolved ? T.Encode(overlaid.Effective) : [];
        Expect(problems, "effective values", string.Join(", ", effective.Select(EvaluationCase.Describe)), string.Join(", ", reference.Effective.Select(EvaluationCase.Describe)));
        Expect(problems, "adjustments", Describe(overlaid.Adjustments), Describe(reference.Adjustments));
        if (!overlaid.Adjustments.SequenceEqual(reference.Adjustments))
        {
            problems.Add("adjustments differ as records (bound or tier objects)");
        }

        Expect(problems, "IsAdjusted", overlaid.IsAdjusted, reference.IsAdjusted);
        Expect(problems, "Forbidden", overlaid.Forbidden, reference.Forbidden);
        Expect(problems, "ActiveForbids", overlaid.ActiveForbids, reference.ActiveForbids);
        Expect(problems, "Jurisdiction", overlaid.Jurisdiction, reference.Jurisdiction);
        foreach (var detected in c.Detected)
        {
            Expect(problems, $"decision on 0x{(ulong)detected:X}", Describe(snapshot.Decide(overlaid, detected)), Describe(interpreter.Decide(reference, detected)));
            Expect(problems, $"decision without a resolution on 0x{(ulong)detected:X}", Describe(snapshot.Decide(default, detected)), Describe(interpreter.Decide(default, detected)));

            // The snapshot's gate answers for the request as read, as a resolution without unreadable values does.
            var plain = unreadable.IsEmpty ? reference : interpreter.Resolve(encoded, c.Context, DimensionSet.Empty);
            Expect(problems, $"Admits on 0x{(ulong)detected:X}", snapshot.Admits(requested, c.Context, detected), interpreter.Decide(plain, detected).IsAllowed);
        }

        if (problems.Count > 0)
        {
            throw new DifferentialMismatchException(
                $"policy {snapshot.Registry.Name} with the overlay\n{overlay}\nthe overlaid snapshot and the interpreter disagree on {c}\n- " + string.Join("\n- ", problems));
        }

        return reference;
    }

    private static void Expect<TValue>(List<string> problems, string what, TValue overlaid, TValue reference)
    {
        if (!EqualityComparer<TValue>.Default.Equals(overlaid, reference))
        {
            problems.Add($"{what}: overlaid snapshot {overlaid}, interpreter {reference}");
        }
    }

    private static string Describe(Decision d) =>
        $"{d.Verdict}/{d.Cause}/0x{(ulong)d.Hazards:X}/rule {d.Rule?.Index.ToString(CultureInfo.InvariantCulture) ?? "null"}/tier {d.Tier?.Name ?? "null"}";

    private static string Describe(IReadOnlyList<Adjustment> adjustments) =>
        string.Join("; ", adjustments.Select(a =>
            $"{a.Dimension.Name} {a.Cause} {EvaluationCase.Describe(a.Requested)}->{EvaluationCase.Describe(a.Granted)} rule {a.Rule?.Index.ToString(CultureInfo.InvariantCulture) ?? "null"} {a.Rule?.Source} tier {a.Tier?.Name ?? "null"}"));
}
