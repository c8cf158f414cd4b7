using System;
using System.Linq;
using PolicyAsCode.Benchmarks.HandWritten;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>
/// The requests as a service holds them before it decides: typed preferences, contexts, detected-hazard masks and
/// content maturities, built once (outside any timing), and each user's resolution made beforehand for the
/// decide-only figure. The timed loops read these arrays and nothing else.
/// </summary>
public sealed class CedarInputs
{
    private readonly LearnerPreferences[] _preferences;
    private readonly PolicyContext[] _contexts;
    private readonly Hazard[] _detected;
    private readonly int[] _maturities;
    private readonly Resolution<LearnerPreferences>[] _resolutions;

    private CedarInputs(ContentRequest[] requests)
    {
        _preferences = [.. requests.Select(r => r.Preferences)];
        _contexts = [.. requests.Select(r => r.Context)];
        _detected = [.. requests.Select(r => r.Detected)];
        _maturities = [.. requests.Select(r => r.ContentMaturity)];
        _resolutions = new Resolution<LearnerPreferences>[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            _resolutions[i] = LearnerPreferences.Resolve(_preferences[i], in _contexts[i]);
        }
    }

    /// <summary>How many requests there are.</summary>
    public int Count => _preferences.Length;

    /// <summary>The inputs of <paramref name="requests"/>.</summary>
    public static CedarInputs Prepare(ContentRequest[] requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return new CedarInputs(requests);
    }

    /// <summary>The index of the first request on which the evaluator does not give <paramref name="recorded"/>'s decision, or -1.</summary>
    public int FirstDisagreement(bool[] recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.Length != Count)
        {
            return Math.Min(recorded.Length, Count);
        }

        for (var i = 0; i < Count; i++)
        {
            var expected = recorded[i] ? 1 : 0;
            if (DecidesAt<ResolvedThenDecided>(i) != expected || (CedarComparison.Decide(in _resolutions[i], _detected[i], _maturities[i]) ? 1 : 0) != expected
                || DecidesAt<DecidedByHand>(i) != expected || DecidesAt<DecidedByGate>(i) != expected)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Resolves and decides requests <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive); how many are allowed.</summary>
    public int ResolveAndDecide(int from, int to) => FromRequests<ResolvedThenDecided>(from, to);

    /// <summary>Decides requests <paramref name="from"/> to <paramref name="to"/> against the resolutions made beforehand; how many are allowed.</summary>
    public int DecideResolved(int from, int to)
    {
        var resolutions = _resolutions;
        var detected = _detected;
        var maturities = _maturities;
        var allowed = 0;
        for (var i = from; i < to; i++)
        {
            allowed += CedarComparison.Decide(in resolutions[i], detected[i], maturities[i]) ? 1 : 0;
        }

        return allowed;
    }

    /// <summary>
    /// The same decisions by <see cref="QuickStartDecisionByHand"/>, from only what they read: requests
    /// <paramref name="from"/> to <paramref name="to"/>; how many are allowed.
    /// </summary>
    public int DecideByHand(int from, int to) => FromRequests<DecidedByHand>(from, to);

    /// <summary>
    /// The same decisions by the generated gate (<see cref="CedarComparison.DecideByGate"/>): resolve + decide without
    /// building a resolution; requests <paramref name="from"/> to <paramref name="to"/>; how many are allowed.
    /// </summary>
    public int DecideByGate(int from, int to) => FromRequests<DecidedByGate>(from, to);

    // One loop for every way of deciding from the requests themselves; a struct type argument makes the JIT compile it
    // once per way, with the decision called directly (and inlined where it would be), as a loop written out would.
    private int FromRequests<TDecider>(int from, int to)
        where TDecider : struct, IDecider
    {
        var preferences = _preferences;
        var contexts = _contexts;
        var detected = _detected;
        var maturities = _maturities;
        var allowed = 0;
        for (var i = from; i < to; i++)
        {
            allowed += TDecider.Allows(preferences[i], in contexts[i], detected[i], maturities[i]) ? 1 : 0;
        }

        return allowed;
    }

    // One request's decision, for the agreement check: called 10,000 times with one request each, the timed loops
    // would be compiled from a profile in which every loop runs once.
    private int DecidesAt<TDecider>(int i)
        where TDecider : struct, IDecider =>
        TDecider.Allows(_preferences[i], in _contexts[i], _detected[i], _maturities[i]) ? 1 : 0;

    private interface IDecider
    {
        static abstract bool Allows(LearnerPreferences preferences, in PolicyContext context, Hazard detected, int contentMaturity);
    }

    private readonly struct ResolvedThenDecided : IDecider
    {
        public static bool Allows(LearnerPreferences preferences, in PolicyContext context, Hazard detected, int contentMaturity) =>
            CedarComparison.Decide(preferences, in context, detected, contentMaturity);
    }

    private readonly struct DecidedByGate : IDecider
    {
        public static bool Allows(LearnerPreferences preferences, in PolicyContext context, Hazard detected, int contentMaturity) =>
            CedarComparison.DecideByGate(preferences, in context, detected, contentMaturity);
    }

    private readonly struct DecidedByHand : IDecider
    {
        public static bool Allows(LearnerPreferences preferences, in PolicyContext context, Hazard detected, int contentMaturity) =>
            QuickStartDecisionByHand.Allows(preferences, in context, detected, contentMaturity);
    }
}
