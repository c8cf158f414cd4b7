using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>A generated evaluator and the reference interpreter disagreed.</summary>
public sealed class DifferentialMismatchException(string message) : Exception(message);

/// <summary>
/// Runs one case through a policy's generated evaluator and through <see cref="PolicyInterpreter"/> on its
/// registry, and demands the same resolution, the same decisions and the same defaults.
/// </summary>
public static class Differential
{
    /// <summary>Compares the generated evaluator of <typeparamref name="T"/> with <paramref name="interpreter"/> on one case.</summary>
    public static void Check<T>(PolicyInterpreter interpreter, EvaluationCase c, Coverage? coverage = null, NarrowingInvariant? narrowing = null)
        where T : class, IUserTierPolicy<T>
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        ArgumentNullException.ThrowIfNull(c);

        // The request as the generated evaluator sees it (a record), and the same request as the interpreter sees it (its encoding).
        var requested = c.Requested is null ? null : T.Decode(c.Requested);
        var encoded = requested is null ? Array.Empty<DimensionValue>() : T.Encode(requested);
        var unreadable = c.UnreadableSet;

        var generated = T.Resolve(requested!, c.Context, unreadable);
        var reference = interpreter.Resolve(encoded, c.Context, unreadable);

        var registry = interpreter.Registry;
        var problems = new List<string>();
        var effective = generated.IsResolved ? T.Encode(generated.Effective) : null;
        if (effective is null)
        {
            problems.Add("generated resolution is unresolved (Effective is null)");
        }
        else
        {
            if (!effective.AsSpan().SequenceEqual(reference.Effective))
            {
                problems.Add("effective values differ:\n" + Values(registry, effective, reference.Effective));
            }
        }

        // What each evaluator recorded (which dimensions moved, and why), then the adjustments explained from it.
        if (generated.AdjustedDimensions != reference.AdjustedDimensions)
        {
            problems.Add($"adjusted dimensions differ: generated {generated.AdjustedDimensions}, reference {reference.AdjustedDimensions}");
        }

        // Explained on each read, so explained once here.
        var generatedAdjustments = generated.Adjustments;
        var referenceAdjustments = reference.Adjustments;
        if (!generatedAdjustments.SequenceEqual(referenceAdjustments))
        {
            problems.Add("adjustments differ:\n  generated: " + Adjustments(generatedAdjustments) + "\n  reference: " + Adjustments(referenceAdjustments));
        }

        if (generated.IsAdjusted != reference.IsAdjusted)
        {
            problems.Add($"IsAdjusted: generated {generated.IsAdjusted}, reference {reference.IsAdjusted}");
        }

        if (generated.Forbidden != reference.Forbidden)
        {
            problems.Add($"Forbidden: generated 0x{(ulong)generated.Forbidden:X}, reference 0x{(ulong)reference.Forbidden:X}");
        }

        if (generated.ActiveForbids != reference.ActiveForbids)
        {
            problems.Add($"ActiveForbids: generated 0x{generated.ActiveForbids:X}, reference 0x{reference.ActiveForbids:X}");
        }

        if (generated.Jurisdiction != reference.Jurisdiction)
        {
            problems.Add($"Jurisdiction: generated {generated.Jurisdiction}, reference {reference.Jurisdiction}");
        }

        var decisions = new List<Decision>(c.Detected.Length * 2);
        foreach (var detected in c.Detected)
        {
            var decision = T.Decide(generated, detected);
            var unresolved = T.Decide(default, detected);
            Compare(problems, "decision on 0x" + ((ulong)detected).ToString("X", CultureInfo.InvariantCulture), decision, interpreter.Decide(reference, detected));
            Compare(problems, "decision without a resolution on 0x" + ((ulong)detected).ToString("X", CultureInfo.InvariantCulture), unresolved, interpreter.Decide(default, detected));
            decisions.Add(decision);
            decisions.Add(unresolved);
        }

        // The gate answers without a resolution; it must give the resolution's answers. It has no unreadable set: it
        // answers for the request as read, so it is held to a resolution made without one.
        var plain = unreadable.IsEmpty ? generated : T.Resolve(requested, c.Context, DimensionSet.Empty);
        foreach (var detected in c.Detected)
        {
            var admitted = T.Admits(requested, c.Context, detected);
            if (admitted != T.Decide(plain, detected).IsAllowed)
            {
                problems.Add($"Admits on 0x{(ulong)detected:X}: {admitted}, but the resolution's decision is {T.Decide(plain, detected)}");
            }
        }

        if (plain.IsResolved)
        {
            var granted = new DimensionValue[registry.Dimensions.Length];
            T.GrantedValues(requested, c.Context, granted);
            var resolved = T.Encode(plain.Effective);
            if (!granted.AsSpan().SequenceEqual(resolved))
            {
                problems.Add("GrantedValues differ from the resolution's effective values:\n" + Values(registry, granted, resolved));
            }
        }

        var defaults = T.Encode(T.Defaults(c.Context));
        var referenceDefaults = interpreter.Defaults(c.Context);
        if (!defaults.AsSpan().SequenceEqual(referenceDefaults))
        {
            problems.Add("defaults differ:\n" + Values(registry, defaults, referenceDefaults));
        }

        // Agreement alone would let both evaluators be wrong alike: the generated resolution must also narrow.
        if (narrowing is not null && effective is not null
            && narrowing.Violation(c.Context, reference.Jurisdiction, effective, generatedAdjustments) is { } widened)
        {
            problems.Add("narrowing only: " + widened);
        }

        if (problems.Count > 0)
        {
            throw new DifferentialMismatchException(
                $"policy {registry.Name}: the generated evaluator and the interpreter disagree on {c}\n- " + string.Join("\n- ", problems));
        }

        coverage?.Count(referenceAdjustments, decisions, narrowed: narrowing is not null);
    }

    /// <summary>
    /// Compares the generated evaluator of <typeparamref name="T"/> with the interpreter on <paramref name="cases"/>
    /// cases drawn from <paramref name="seed"/> (<see cref="CaseGenerators.Cases"/>), after checking its decoding, and
    /// checks that every generated resolution narrows (<see cref="NarrowingInvariant"/>); returns how many agreed.
    /// The cases are split into a fixed number of streams of draws, run on as many processors as there are, so a seed
    /// gives the same cases on every machine (the failure message also names the case itself).
    /// </summary>
    public static long Run<T>(int seed, int cases, Coverage? coverage)
        where T : class, IUserTierPolicy<T>
    {
        CheckDecodeKeepsOutOfDomainValuesOut<T>(T.Registry);
        var interpreter = new PolicyInterpreter(T.Registry);
        var narrowing = new NarrowingInvariant(T.Registry);
        var gen = CaseGenerators.Cases(T.Registry);
        const int streams = 8;
        var counts = new long[streams];
        try
        {
            Parallel.For(0, streams, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(streams, Environment.ProcessorCount) }, stream =>
            {
                var random = new CsCheck.PCG(1 + (uint)stream, unchecked((ulong)seed));
                var local = coverage is null ? null : new Coverage();
                var share = (cases / streams) + (stream < cases % streams ? 1 : 0);
                for (var i = 0; i < share; i++)
                {
                    Check<T>(interpreter, gen.Generate(random, null!, out _), local, narrowing);
                    counts[stream]++;
                }

                coverage?.Add(local!);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        return counts.Sum();
    }

    /// <summary>
    /// Decoding an encoded value outside a member dimension's domain (an undefined enum value, a string not listed)
    /// must give a record value that still encodes outside the domain, so that resolving it fails closed rather
    /// than reading it as some defined member.
    /// </summary>
    public static void CheckDecodeKeepsOutOfDomainValuesOut<T>(PolicyRegistry registry)
        where T : class, IUserTierPolicy<T>
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var dimension in registry.Dimensions)
        {
            if (dimension.Kind is not (DimensionKind.Ordinal or DimensionKind.Choice))
            {
                continue;
            }

            foreach (var outside in new[] { DimensionInfo.OutsideMembers, DimensionValue.OfPosition(dimension.Members.Length), DimensionValue.OfPosition(1000) })
            {
                var values = new DimensionValue[registry.Dimensions.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = registry.Dimensions[i].Default;
                }

                values[dimension.Index] = outside;
                var decoded = T.Encode(T.Decode(values))[dimension.Index];
                if (dimension.InDomain(decoded))
                {
                    throw new DifferentialMismatchException(
                        $"policy {registry.Name}: {dimension.Name} ({dimension.TypeName}, members {string.Join(", ", dimension.Members.Zip(dimension.MemberValues, (m, v) => m + "=" + v.ToString(CultureInfo.InvariantCulture)))}) "
                        + $"decodes the out-of-domain value {EvaluationCase.Describe(outside)} as the defined member {dimension.Format(decoded)}, so an unreadable request would be read as that member");
                }
            }
        }
    }

    private static void Compare(List<string> problems, string what, Decision generated, Decision reference)
    {
        if (generated.Verdict != reference.Verdict || generated.Cause != reference.Cause || generated.Hazards != reference.Hazards
            || !Equals(generated.Rule, reference.Rule) || !Equals(generated.Tier, reference.Tier))
        {
            problems.Add($"{what}: generated {Describe(generated)}, reference {Describe(reference)}");
        }
    }

    private static string Describe(Decision d) =>
        $"{d.Verdict}/{d.Cause}/0x{(ulong)d.Hazards:X}/rule {d.Rule?.Index.ToString(CultureInfo.InvariantCulture) ?? "null"}/tier {d.Tier?.Index.ToString(CultureInfo.InvariantCulture) ?? "null"}";

    private static string Values(PolicyRegistry registry, DimensionValue[] generated, DimensionValue[] reference)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Math.Max(generated.Length, reference.Length); i++)
        {
            var g = i < generated.Length ? EvaluationCase.Describe(generated[i]) : "-";
            var r = i < reference.Length ? EvaluationCase.Describe(reference[i]) : "-";
            var name = i < registry.Dimensions.Length ? registry.Dimensions[i].Name : "#" + i.ToString(CultureInfo.InvariantCulture);
            text.Append("  ").Append(name).Append(": generated ").Append(g).Append(", reference ").Append(r).Append(g == r ? string.Empty : "   <<<").Append('\n');
        }

        return text.ToString();
    }

    private static string Adjustments(IReadOnlyList<Adjustment> adjustments) =>
        adjustments.Count == 0
            ? "none"
            : string.Join("; ", adjustments.Select(a =>
                $"{a.Dimension.Name} {a.Cause} {EvaluationCase.Describe(a.Requested)}->{EvaluationCase.Describe(a.Granted)} rule {a.Rule?.Index.ToString(CultureInfo.InvariantCulture) ?? "null"} tier {a.Tier?.Index.ToString(CultureInfo.InvariantCulture) ?? "null"}"));
}
