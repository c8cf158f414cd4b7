using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using PolicyAsCode.Compiled;

namespace PolicyAsCode.Runtime;

/// <summary>
/// How an overlaid snapshot resolves and decides at the generated evaluator's speed, with the interpreter's answers.
/// What the bounds and hazard rules leave in a request depends only on its jurisdiction and on the facts the policy's
/// conditions name (<see cref="Binding"/> reads nothing else), so for each such context the kernel's answer for the
/// overlaid registry (every dimension's narrowing, the tiers' hazard rules) is computed once, the first time a request
/// arrives in it, and kept as a <see cref="NarrowedContext"/>. A request is resolved by the generated
/// <see cref="IUserTierPolicy{TSelf}.ResolveWithin"/> against it: a value within its dimension's kept narrowing is
/// granted as asked, as the interpreter grants it; any other is clamped as the interpreter clamps it, or resolved by
/// the interpreter's own step (<see cref="PolicyInterpreter.ResolveDimension"/>, through <see cref="NarrowedDimension"/>)
/// from the kept narrowing, and the record is copied from the request only when something moved. Decisions are the
/// interpreter's. A policy whose conditions name so many facts that the contexts would not fit in
/// <see cref="MaxRows"/> is interpreted as before.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
internal sealed class OverlaidEvaluator<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <summary>The most contexts kept: jurisdictions (and none) times the 3^k states of the k facts named.</summary>
    internal const int MaxRows = 1 << 16;

    // Encoded values up to this many dimensions live on the stack; a larger policy takes one array per resolution.
    private const int StackDimensions = 128;

    private readonly PolicyRegistry _registry;
    private readonly PolicyEncoding<TPreferences> _encoding;
    private readonly PolicyInterpreter _interpreter;
    private readonly DimensionInfo[] _dimensions;
    private readonly Fact[] _facts;
    private readonly FactByte[] _factBytes;
    private readonly int _factStates;
    private readonly NarrowedContext?[]? _rows;

    public OverlaidEvaluator(PolicyRegistry registry)
    {
        _registry = registry;
        _encoding = new PolicyEncoding<TPreferences>(registry); // explains against the overlaid bounds
        _interpreter = new PolicyInterpreter(registry);
        _dimensions = [.. registry.Dimensions];
        _facts = NamedFacts(registry);
        _factStates = 1;
        foreach (var _ in _facts)
        {
            _factStates = _factStates > MaxRows ? _factStates : _factStates * 3;
        }

        _factBytes = FactBytes(_facts);
        var rows = (long)(registry.Jurisdictions.Length + 1) * _factStates;
        _rows = rows <= MaxRows ? new NarrowedContext?[rows] : null;
    }

    /// <summary>The interpreter of the overlaid registry: the oracle this evaluator answers as.</summary>
    public PolicyInterpreter Interpreter => _interpreter;

    /// <summary>Whether requests are resolved from kept contexts (false: the policy names too many facts, so every request is interpreted).</summary>
    public bool KeepsContexts => _rows is not null;

    /// <summary>Resolves as <see cref="PolicyInterpreter.Resolve"/> resolves the encoded request, returning the record.</summary>
    [SkipLocalsInit] // ResolveWithin writes every value before anything reads it: the stack need not be cleared first
    public Resolution<TPreferences> Resolve(TPreferences? requested, in PolicyContext context, DimensionSet unreadable)
    {
        var jurisdiction = _registry.MatchJurisdiction(context.Jurisdiction);
        if (_rows is null)
        {
            return Interpreted(requested, context, unreadable);
        }

        if (_dimensions.Length > StackDimensions)
        {
            return ResolveWide(requested, in context, unreadable, Row(jurisdiction, context));
        }

        // A constant size: a stack buffer sized per request would be probed page by page and guarded by a cookie.
        Span<DimensionValue> values = stackalloc DimensionValue[StackDimensions];
        return TPreferences.ResolveWithin(requested, in context, unreadable, Row(jurisdiction, context), _encoding, values);
    }

    // A policy too wide for the stack buffer: the values are written into a pooled array, so a resolution still
    // allocates at most the effective record (a new array per request was 16 KB at 1,000 dimensions).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Resolution<TPreferences> ResolveWide(TPreferences? requested, in PolicyContext context, DimensionSet unreadable, NarrowedContext narrowed)
    {
        var values = ArrayPool<DimensionValue>.Shared.Rent(_dimensions.Length);
        try
        {
            return TPreferences.ResolveWithin(requested, in context, unreadable, narrowed, _encoding, values.AsSpan(0, _dimensions.Length));
        }
        finally
        {
            ArrayPool<DimensionValue>.Shared.Return(values);
        }
    }

    /// <summary>Decides as <see cref="PolicyInterpreter.Decide"/> decides.</summary>
    public Decision Decide(in Resolution<TPreferences> resolution, Hazard detected) =>
        _interpreter.DecideOn(resolution.IsResolved, resolution.Forbidden, resolution.ActiveForbids, detected);

    // The interpreter on the encoded request, for a policy whose contexts are not kept.
    private Resolution<TPreferences> Interpreted(TPreferences? requested, in PolicyContext context, DimensionSet unreadable)
    {
        var encoded = requested is null ? ReadOnlySpan<DimensionValue>.Empty : TPreferences.Encode(requested);
        var resolution = _interpreter.Resolve(encoded, in context, unreadable);
        return new Resolution<TPreferences>(
            _encoding, requested, in context, TPreferences.Decode(resolution.Effective), resolution.AdjustedDimensions,
            resolution.Forbidden, resolution.ActiveForbids, resolution.Jurisdiction);
    }

    // The kept context of a request: its jurisdiction, and for each named fact whether it is unknown, refuted or
    // established (digit 0, 1 or 2 of a base-3 number; facts the policy never names change nothing and are not read).
    private NarrowedContext Row(int jurisdiction, in PolicyContext context)
    {
        var known = (uint)context.Known;
        var holds = known & (uint)context.Facts;
        var index = (jurisdiction + 1) * _factStates;
        foreach (var factByte in _factBytes)
        {
            index += factByte.Weights[(known >> factByte.Shift) & 0xFF] + factByte.Weights[(holds >> factByte.Shift) & 0xFF];
        }

        return Volatile.Read(ref _rows![index]) ?? Keep(index, jurisdiction);
    }

    private NarrowedContext Keep(int index, int jurisdiction)
    {
        var state = index % _factStates;
        var known = Fact.None;
        var holds = Fact.None;
        foreach (var fact in _facts)
        {
            var digit = state % 3;
            state /= 3;
            known |= digit > 0 ? fact : Fact.None;
            holds |= digit == 2 ? fact : Fact.None;
        }

        var context = new PolicyContext(jurisdiction < 0 ? null : _registry.Jurisdictions[jurisdiction], holds, known);
        var row = new NarrowedContext(_interpreter, jurisdiction, context);
        return Interlocked.CompareExchange(ref _rows![index], row, null) ?? row;
    }

    // Every fact a bound, a waiver claim or a hazard rule is conditional on, lowest bit first.
    private static Fact[] NamedFacts(PolicyRegistry registry)
    {
        var named = 0U;
        foreach (var bound in registry.Bounds)
        {
            named |= (uint)(bound.Condition.When | bound.Condition.Unless);
        }

        foreach (var claim in registry.Waivers)
        {
            named |= (uint)(claim.Condition.When | claim.Condition.Unless);
        }

        foreach (var rule in registry.Forbids)
        {
            named |= (uint)(rule.Condition.When | rule.Condition.Unless);
        }

        var facts = new List<Fact>();
        for (var bit = 0; bit < 32; bit++)
        {
            if (((named >> bit) & 1U) != 0)
            {
                facts.Add((Fact)(1U << bit));
            }
        }

        return [.. facts];
    }

    // For each byte of the fact mask that holds a named fact: what each value of that byte adds to the base-3 index
    // (3^i for named fact i), so that a request's known facts and its established ones each add their digit.
    private static FactByte[] FactBytes(Fact[] facts)
    {
        var bytes = new List<FactByte>();
        for (var shift = 0; shift < 32; shift += 8)
        {
            var weights = new int[256];
            var any = false;
            var weight = 1;
            foreach (var fact in facts)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount((uint)fact);
                if (bit >= shift && bit < shift + 8)
                {
                    any = true;
                    for (var value = 0; value < 256; value++)
                    {
                        weights[value] += ((value >> (bit - shift)) & 1) * weight;
                    }
                }

                weight = weight > MaxRows ? weight : weight * 3;
            }

            if (any)
            {
                bytes.Add(new FactByte(shift, weights));
            }
        }

        return [.. bytes];
    }

    private readonly record struct FactByte(int Shift, int[] Weights);
}
