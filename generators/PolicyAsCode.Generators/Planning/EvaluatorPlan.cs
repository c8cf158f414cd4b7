using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// What the evaluator of one policy does, decided before it is printed: the context tests, each dimension's plan, the
/// hazard rules' tests and the tier defaults. The emitters only print it.
/// </summary>
internal sealed class EvaluatorPlan
{
    /// <summary>Dimensions per fast-path method, so each stays small enough for the JIT to optimise.</summary>
    public const int ChunkSize = 32;

    /// <summary>
    /// Above this many dimensions, the steps of a resolution that moves something (and of an overlaid one) are printed
    /// in methods of <see cref="StepSize"/> dimensions each. In one method they pass the JIT's limits (at 1,000
    /// dimensions, 198 KB and 106 KB of IL), and it runs them unoptimised (MinOpts): an overlaid resolve was 45 to 50
    /// times the compiled one. Up to this many, one method keeps every value in a local.
    /// </summary>
    public const int SplitAbove = 128;

    /// <summary>
    /// Dimensions per method of a split step: few enough that the JIT inlines every value's encoding, bound and test
    /// (in a method of 32 it ran out of room for locals part way and called even the property getters).
    /// </summary>
    public const int StepSize = 8;

    private EvaluatorPlan(PolicyModel policy, ScopeTests scope, IReadOnlyList<DimensionPlan> dimensions, IReadOnlyList<Test> forbids, HazardRows? hazardRows, DefaultsPlan defaults)
    {
        Policy = policy;
        Scope = scope;
        Dimensions = dimensions;
        Forbids = forbids;
        HazardRows = hazardRows;
        Defaults = defaults;
        OwnLists = policy.Forbids.Where(f => f.IsUsersOwn).Select(f => f.Dimension).Distinct().ToList();
        BoundsRead = new HashSet<int>(dimensions.Where(d => d.Folded is null).SelectMany(d => d.Chain).Where(s => !s.Applies.IsNever).Select(s => s.Bound.Index));
        Chunks = (policy.Dimensions.Count + ChunkSize - 1) / ChunkSize;
        JurisdictionKeys = JurisdictionKeys.Plan(policy.Jurisdictions);
    }

    public PolicyModel Policy { get; }

    /// <summary>How a request's jurisdiction is matched by words, or null where some code must be compared as text.</summary>
    public JurisdictionKeys? JurisdictionKeys { get; }

    /// <summary>The scope's type as the generated code names it: public, nested in the user's record, so that a caller can make it once and ask <c>Admits</c> and <c>Granted</c> with it.</summary>
    public string ScopeType => Policy.UserTier.Qualified + ".PolicyScope";

    /// <summary>The tests <c>Scope</c> computes once per resolution, read by every rule that needs one.</summary>
    public ScopeTests Scope { get; }

    public IReadOnlyList<DimensionPlan> Dimensions { get; }

    /// <summary>Whether each hazard rule is active (a user's own list is decided by its value instead).</summary>
    public IReadOnlyList<Test> Forbids { get; }

    /// <summary>The hazard rules as one row per jurisdiction and conditions, which <c>Admits</c> reads; null where there would be too many rows.</summary>
    public HazardRows? HazardRows { get; }

    public DefaultsPlan Defaults { get; }

    /// <summary>The dimensions holding a user's own hazard list, which the hazard rules read.</summary>
    public IReadOnlyList<int> OwnLists { get; }

    /// <summary>The bounds the generated code reads as constants: those of a chain left unfolded.</summary>
    public ISet<int> BoundsRead { get; }

    /// <summary>How many fast-path methods test the dimensions, <see cref="ChunkSize"/> each.</summary>
    public int Chunks { get; }

    /// <summary>Whether the moving and overlaid steps are split into <see cref="Steps"/> methods (<see cref="SplitAbove"/>).</summary>
    public bool Splits => Policy.Dimensions.Count > SplitAbove;

    /// <summary>How many methods a split step is printed in, <see cref="StepSize"/> dimensions each.</summary>
    public int Steps => (Policy.Dimensions.Count + StepSize - 1) / StepSize;

    /// <summary>The dimensions of fast-path chunk <paramref name="k"/>, in dimension order.</summary>
    public IEnumerable<DimensionPlan> Chunk(int k) => Dimensions.Skip(k * ChunkSize).Take(ChunkSize);

    /// <summary>The dimensions of split step <paramref name="k"/>, in dimension order.</summary>
    public IEnumerable<DimensionPlan> Step(int k) => Dimensions.Skip(k * StepSize).Take(StepSize);

    /// <summary>The registry as data (<see cref="Emitting.RegistryDataEmitter"/>), written once and read by two emitters.</summary>
    public string RegistryData => _registryData ??= Emitting.RegistryDataEmitter.Json(Policy);

    private string? _registryData;

    public static EvaluatorPlan Build(PolicyModel policy)
    {
        var index = new PolicyIndex(policy);
        var scope = new ScopeTests(policy, index, inStruct: true);
        var dimensions = policy.Dimensions.Select(d => DimensionPlanner.Plan(d, index, scope)).ToList();
        var forbids = policy.Forbids.Select(f => f.IsUsersOwn ? Test.Always : scope.Tier(f.Tier).And(scope.Restricts(f.When, f.Unless))).ToList();
        return new EvaluatorPlan(policy, scope, dimensions, forbids, HazardRows.Plan(policy, index, scope), DefaultsPlan.Build(policy, index));
    }
}

/// <summary>
/// The preferences a user starts from: for each dimension without a user-tier initialiser, the tiers' defaults from
/// the nearest tier up, each guarded by whether its tier applies; the tests it reads are locals of their own.
/// </summary>
internal sealed class DefaultsPlan
{
    private DefaultsPlan(ScopeTests scope, IReadOnlyList<(DimensionModel Dimension, IReadOnlyList<(Test Applies, DimensionValue Value)> Candidates)> dimensions)
    {
        Scope = scope;
        Dimensions = dimensions;
    }

    public ScopeTests Scope { get; }

    /// <summary>Each defaulted dimension with its candidates, nearest tier first; the first whose tier applies wins.</summary>
    public IReadOnlyList<(DimensionModel Dimension, IReadOnlyList<(Test Applies, DimensionValue Value)> Candidates)> Dimensions { get; }

    public static DefaultsPlan Build(PolicyModel policy, PolicyIndex index)
    {
        var scope = new ScopeTests(policy, index, inStruct: false);
        var dimensions = new List<(DimensionModel, IReadOnlyList<(Test, DimensionValue)>)>();
        foreach (var d in policy.Dimensions.Where(d => !d.HasInitialiser))
        {
            var candidates = new List<(Test, DimensionValue)>();
            foreach (var tierDefault in index.DefaultsOn(d.Index).Reverse())
            {
                var applies = scope.Tier(tierDefault.Tier);
                candidates.Add((applies, tierDefault.Value));
                if (applies.IsAlways)
                {
                    break; // a tier that always applies decides: the defaults above it are never reached
                }
            }

            if (candidates.Count > 0)
            {
                dimensions.Add((d, candidates));
            }
        }

        return new DefaultsPlan(scope, dimensions);
    }
}
