using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;
using PolicyAsCode.Records;

namespace PolicyAsCode.Tool;

/// <summary>Which way a replayed value or verdict moved: narrower (stricter, or allow to refuse) or wider.</summary>
internal enum Movement
{
    None,
    Narrower,
    Wider,
}

/// <summary>One move seen in replay, for the examples.</summary>
internal sealed record ReplayExample(string Id, string Where, string From, string To, Movement Movement);

/// <summary>The moves of one dimension and bound, or of one hazard rule.</summary>
internal sealed class ReplayGroup(string subject, string cause)
{
    public const int MaxExamples = 3;

    public string Subject { get; } = subject;

    public string Cause { get; } = cause;

    public int Narrower { get; private set; }

    public int Wider { get; private set; }

    public List<ReplayExample> Examples { get; } = [];

    public void Add(ReplayExample example)
    {
        if (example.Movement == Movement.Wider)
        {
            Wider++;
        }
        else
        {
            Narrower++;
        }

        // Examples of widening first: they are what a reviewer must see.
        if (Examples.Count < MaxExamples)
        {
            Examples.Add(example);
        }
        else if (example.Movement == Movement.Wider && Examples.FindIndex(e => e.Movement != Movement.Wider) is var i && i >= 0)
        {
            Examples[i] = example;
        }
    }
}

/// <summary>What a replay found.</summary>
internal sealed class ReplayResult
{
    public int Records { get; set; }

    public int Resolutions { get; set; }

    public int ResolutionsMoved { get; set; }

    public int ResolutionsNarrower { get; set; }

    public int ResolutionsWider { get; set; }

    public int ResolutionsApproximate { get; set; }

    public int Decisions { get; set; }

    public int DecisionsNarrower { get; set; }

    public int DecisionsWider { get; set; }

    public int DecisionsApproximate { get; set; }

    public int BadLines { get; set; }

    public List<(string File, long Line, string Error)> BadLineExamples { get; } = [];

    public SortedDictionary<string, int> Versions { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string, string), ReplayGroup> Moves { get; } = [];

    public Dictionary<(string, string), ReplayGroup> DecisionMoves { get; } = [];

    public bool Widened => ResolutionsWider > 0 || DecisionsWider > 0;
}

/// <summary>
/// <c>pac replay</c>: makes every recorded resolution and decision again under another policy with the reference
/// interpreter and compares the answers with the recorded ones. The context is the record's (jurisdiction, facts known
/// and holding); the request is the record's requested values read with the new policy's reader, so a value the new
/// policy cannot read resolves fail-closed, as a stored preference would; a dimension recorded as unreadable stays
/// unreadable; a redacted dimension is requested at its recorded effective value (the record then counts as
/// approximate); a dimension the record does not mention takes the new policy's default. docs/decision-records.md.
/// </summary>
internal static class PolicyReplay
{
    public static ReplayResult Run(PolicyRegistry registry, IReadOnlyList<string> files)
    {
        var interpreter = new PolicyInterpreter(registry);
        var result = new ReplayResult();
        var reading = new RecordFiles(registry, files, "replay");
        foreach (var (file, line, record) in reading.Read())
        {
            if (!Replay(interpreter, record, result, out var problem))
            {
                reading.Bad(file, line, problem!);
            }
        }

        reading.CheckSomethingRead(result.Records);
        result.BadLines = reading.BadLines;
        result.BadLineExamples.AddRange(reading.BadLineExamples);
        return result;
    }

    private static bool Replay(PolicyInterpreter interpreter, DecisionRecord record, ReplayResult result, out string? problem)
    {
        var registry = interpreter.Registry;
        if (!TryContext(record, out var context, out problem))
        {
            return false;
        }

        var (requested, unreadable, approximate) = Request(registry, record, context);
        var resolution = interpreter.Resolve(requested, context, unreadable);
        result.Records++;
        result.Versions[record.Version] = result.Versions.GetValueOrDefault(record.Version) + 1;
        var where = Where(record);
        if (record.Kind == DecisionRecordKind.Resolution)
        {
            result.Resolutions++;
            result.ResolutionsApproximate += approximate ? 1 : 0;
            var moved = CompareResolution(registry, record, resolution, context, result, where);
            result.ResolutionsMoved += moved == Movement.None ? 0 : 1;
            result.ResolutionsNarrower += moved == Movement.Narrower ? 1 : 0;
            result.ResolutionsWider += moved == Movement.Wider ? 1 : 0;
            return true;
        }

        result.Decisions++;
        result.DecisionsApproximate += approximate ? 1 : 0;
        var recorded = record.Decision!;
        var detected = DecisionRecords.HazardsOf(registry, recorded.Detected);
        var decision = interpreter.Decide(in resolution, detected);
        if (decision.IsAllowed == recorded.Allowed)
        {
            return true;
        }

        var movement = decision.IsAllowed ? Movement.Wider : Movement.Narrower;
        var subject = decision.IsAllowed
            ? $"{TierWords(registry, recorded.Tier)} no longer refuses" + (recorded.Rule is { } r ? $" (rule #{r} as recorded)" : string.Empty)
            : $"{decision.Tier?.ToString() ?? "failing closed, the policy"} now refuses" + (decision.Rule is { } rule ? $" (rule #{rule.Index})" : string.Empty);
        var hazards = string.Join(", ", decision.IsAllowed ? recorded.Hazards : DecisionRecords.HazardCodes(registry, decision.Hazards));
        var key = (subject, hazards);
        if (!result.DecisionMoves.TryGetValue(key, out var group))
        {
            result.DecisionMoves[key] = group = new ReplayGroup(subject, hazards);
        }

        group.Add(new ReplayExample(record.Id, $"{recorded.Stage}, {where}", recorded.Allowed ? "allowed" : "refused", decision.IsAllowed ? "allowed" : "refused", movement));
        result.DecisionsNarrower += movement == Movement.Narrower ? 1 : 0;
        result.DecisionsWider += movement == Movement.Wider ? 1 : 0;
        return true;
    }

    private static bool TryContext(DecisionRecord record, out PolicyContext context, out string? problem)
    {
        var known = Fact.None;
        var holding = Fact.None;
        foreach (var (names, holds) in new[] { (record.Known, false), (record.Holding, true) })
        {
            foreach (var name in names)
            {
                if (DecisionRecords.FactOf(name) is not { } fact)
                {
                    context = default;
                    problem = $"the record names a fact this PolicyAsCode does not know: {name}";
                    return false;
                }

                known |= fact;
                holding |= holds ? fact : Fact.None;
            }
        }

        context = new PolicyContext(record.Jurisdiction, holding, known);
        problem = null;
        return true;
    }

    // The request as the new policy reads it: recorded values, redacted ones at their recorded effective value.
    private static (DimensionValue[] Requested, DimensionSet Unreadable, bool Approximate) Request(PolicyRegistry registry, DecisionRecord record, in PolicyContext context)
    {
        var document = (JsonObject)record.Requested.DeepClone();
        var approximate = false;
        foreach (var name in record.Redacted)
        {
            if (record.Effective[name] is { } effective)
            {
                document[name] = effective.DeepClone();
                approximate = true;
            }
        }

        var read = PreferencesJson.Read(registry, Encoding.UTF8.GetBytes(document.ToJsonString()), context);
        var unreadable = read.Unreadable;
        foreach (var name in record.Unreadable)
        {
            if (Dimension(registry, name) is { } dimension)
            {
                unreadable = unreadable.With(dimension.Index);
            }
        }

        return (read.Requested, unreadable, approximate);
    }

    // Per dimension the record has an effective value for: how the replayed one compares; the resolution moved
    // wider if any dimension did, else narrower if any did.
    private static Movement CompareResolution(PolicyRegistry registry, DecisionRecord record, Resolution<DimensionValue[]> resolution, in PolicyContext context, ReplayResult result, string where)
    {
        var before = PreferencesJson.Read(registry, Encoding.UTF8.GetBytes(record.Effective.ToJsonString()), context);
        var overall = Movement.None;
        IReadOnlyList<Adjustment>? adjustments = null; // explained once, when a value first moves
        foreach (var dimension in registry.Dimensions)
        {
            var name = PreferenceNames.JsonName(dimension.Name);
            if (!record.Effective.ContainsKey(name))
            {
                continue;
            }

            var after = resolution.Effective[dimension.Index];
            var readable = !before.Unreadable.Contains(dimension.Index);
            var movement = readable ? Compare(dimension, before.Requested[dimension.Index], after) : Movement.Wider;
            if (movement == Movement.None)
            {
                continue;
            }

            var bound = Bound(record, adjustments ??= resolution.Adjustments, dimension, name);
            var key = (dimension.Name, bound);
            if (!result.Moves.TryGetValue(key, out var group))
            {
                result.Moves[key] = group = new ReplayGroup(dimension.Name, bound);
            }

            var from = readable ? dimension.Format(before.Requested[dimension.Index]) : (record.Effective[name]?.ToJsonString() ?? "?") + " (not a value of the new policy)";
            group.Add(new ReplayExample(record.Id, where, from, dimension.Format(after), movement));
            overall = overall == Movement.Wider || movement == Movement.Wider ? Movement.Wider : Movement.Narrower;
        }

        return overall;
    }

    /// <summary>
    /// How <paramref name="after"/> compares with <paramref name="before"/> on the dimension's lattice: stricter is
    /// narrower (lower, unless higher is stricter; for sets fewer flags, unless more are stricter); sets that neither
    /// contain the other are counted as wider, since something is granted that was not.
    /// </summary>
    public static Movement Compare(DimensionInfo dimension, DimensionValue before, DimensionValue after)
    {
        if (before == after)
        {
            return Movement.None;
        }

        if (dimension.Kind == DimensionKind.Set)
        {
            var (b, a) = (before.Bits, after.Bits);
            var subset = (a & ~b) == 0;
            var superset = (b & ~a) == 0;
            if (!subset && !superset)
            {
                return Movement.Wider;
            }

            return subset != dimension.HigherIsStricter ? Movement.Narrower : Movement.Wider;
        }

        var (x, y) = Lattice.IsInterval(dimension.Kind) ? (before.Number, after.Number) : (before.Position, after.Position);
        var lower = y < x;
        return lower != dimension.HigherIsStricter ? Movement.Narrower : Movement.Wider;
    }

    // The bound a move is attributed to: the new resolution's adjustment on the dimension, else the recorded one (a
    // bound that no longer binds), else none.
    private static string Bound(DecisionRecord record, IReadOnlyList<Adjustment> adjustments, DimensionInfo dimension, string name)
    {
        var now = adjustments.FirstOrDefault(a => a.Dimension.Index == dimension.Index);
        if (now?.Rule is { } rule && now.Tier is { } tier)
        {
            return $"{tier}: {rule.Source}" + (rule.Condition.IsAlways ? string.Empty : $" ({rule.Condition})");
        }

        if (now is not null)
        {
            return DecisionRecords.CauseName(now.Cause).Replace('_', ' ');
        }

        var then = record.Adjustments.FirstOrDefault(a => a.Dimension == name);
        return then?.Source is { } source ? $"{then.Tier}: {source} (recorded; binds no more)" : "(no bound)";
    }

    // "law of EU" for a tier the policy still has; the recorded name otherwise.
    private static string TierWords(PolicyRegistry registry, string? name) =>
        name is null ? "failing closed, the policy" : registry.Tiers.FirstOrDefault(t => t.Name == name)?.ToString() ?? name;

    private static DimensionInfo? Dimension(PolicyRegistry registry, string jsonName)
    {
        foreach (var dimension in registry.Dimensions)
        {
            if (PreferenceNames.JsonName(dimension.Name) == jsonName)
            {
                return dimension;
            }
        }

        return null;
    }

    // "EU; Minor holds, ConsentsToMemory known not to hold": where and for whom, without any requested value.
    private static string Where(DecisionRecord record)
    {
        var place = record.Jurisdiction ?? "no jurisdiction";
        var holds = record.Holding;
        var not = record.Known.Where(k => !holds.Contains(k)).ToList();
        var facts = new List<string>();
        if (holds.Count > 0)
        {
            facts.Add(string.Join(" and ", holds) + (holds.Count == 1 ? " holds" : " hold"));
        }

        if (not.Count > 0)
        {
            facts.Add(string.Join(" and ", not) + (not.Count == 1 ? " does not hold" : " do not hold"));
        }

        return facts.Count == 0 ? place : $"{place}; {string.Join("; ", facts)}";
    }
}
