using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// What a differential run exercised: how often each adjustment cause and each decision cause occurred.
/// A run that never waived, never contradicted or never failed closed proves little, so the tests demand each.
/// </summary>
public sealed class Coverage
{
    private readonly long[] _adjustments = new long[Enum.GetValues<AdjustmentCause>().Length];
    private readonly long[] _decisions = new long[Enum.GetValues<DecisionCause>().Length];
    private long _cases;
    private long _unadjusted;
    private long _narrowed;

    /// <summary>Cases counted.</summary>
    public long Cases => Interlocked.Read(ref _cases);

    /// <summary>Cases whose generated resolution was checked to narrow (<see cref="NarrowingInvariant"/>).</summary>
    public long Narrowed => Interlocked.Read(ref _narrowed);

    /// <summary>Counts one case's resolution and decisions, and whether its narrowing was checked.</summary>
    public void Count(IReadOnlyList<Adjustment> adjustments, IEnumerable<Decision> decisions, bool narrowed = false)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        ArgumentNullException.ThrowIfNull(decisions);
        Interlocked.Increment(ref _cases);
        if (narrowed)
        {
            Interlocked.Increment(ref _narrowed);
        }

        if (adjustments.Count == 0)
        {
            Interlocked.Increment(ref _unadjusted);
        }

        foreach (var adjustment in adjustments)
        {
            Interlocked.Increment(ref _adjustments[(int)adjustment.Cause]);
        }

        foreach (var decision in decisions)
        {
            Interlocked.Increment(ref _decisions[(int)decision.Cause]);
        }
    }

    /// <summary>Adds what another run (on another thread) counted.</summary>
    public void Add(Coverage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Interlocked.Add(ref _cases, other.Cases);
        Interlocked.Add(ref _unadjusted, Interlocked.Read(ref other._unadjusted));
        Interlocked.Add(ref _narrowed, other.Narrowed);
        for (var i = 0; i < _adjustments.Length; i++)
        {
            Interlocked.Add(ref _adjustments[i], Interlocked.Read(ref other._adjustments[i]));
        }

        for (var i = 0; i < _decisions.Length; i++)
        {
            Interlocked.Add(ref _decisions[i], Interlocked.Read(ref other._decisions[i]));
        }
    }

    /// <summary>How often an adjustment cause occurred.</summary>
    public long Adjustments(AdjustmentCause cause) => Interlocked.Read(ref _adjustments[(int)cause]);

    /// <summary>How often a decision cause occurred.</summary>
    public long Decisions(DecisionCause cause) => Interlocked.Read(ref _decisions[(int)cause]);

    /// <summary>Asserts that every adjustment cause and every reachable decision cause occurred.</summary>
    public void AssertEverythingHappened()
    {
        foreach (var cause in Enum.GetValues<AdjustmentCause>())
        {
            Xunit.Assert.True(Adjustments(cause) > 0, $"no {cause} adjustment in {Cases} cases: {this}");
        }

        foreach (var cause in Enum.GetValues<DecisionCause>().Where(c => c != DecisionCause.Undecided))
        {
            Xunit.Assert.True(Decisions(cause) > 0, $"no {cause} decision in {Cases} cases: {this}");
        }

        Xunit.Assert.True(Interlocked.Read(ref _unadjusted) > 0, $"every case adjusted something: {this}");
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Cases} cases ({Interlocked.Read(ref _unadjusted)} without adjustment, {Narrowed} checked to narrow); adjustments "
        + string.Join(", ", Enum.GetValues<AdjustmentCause>().Select(c => c + " " + Adjustments(c).ToString(CultureInfo.InvariantCulture)))
        + "; decisions " + string.Join(", ", Enum.GetValues<DecisionCause>().Select(c => c + " " + Decisions(c).ToString(CultureInfo.InvariantCulture)));
}
