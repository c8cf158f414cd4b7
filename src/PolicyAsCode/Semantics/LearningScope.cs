namespace PolicyAsCode;

/// <summary>Why a dimension may or may not be learned somewhere (<see cref="LearningScope.Of"/>).</summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
enum LearningVerdict
{
    /// <summary>Learning may move the dimension within <see cref="LearningReach.Range"/>.</summary>
    Learnable,

    /// <summary>The user tier does not mark the dimension <c>[Learnable]</c>.</summary>
    NotMarked,

    /// <summary>A tier that binds here says <c>[NotLearnable]</c>; <see cref="LearningReach.Tier"/> names it.</summary>
    SwitchedOff,

    /// <summary>The <c>[LearnWithin]</c> ranges that bind here share no value; <see cref="LearningReach.Tier"/> names the tier whose range emptied them.</summary>
    NoCommonRange,
}

/// <summary>Whether and how far a dimension may be learned in one jurisdiction.</summary>
/// <param name="Verdict">Whether it may be learned, or why not.</param>
/// <param name="Range">The meet of the domain and every <c>[LearnWithin]</c> range that binds here (empty unless learnable).</param>
/// <param name="Tier">The tier that switched learning off or emptied the range; the last tier whose range narrowed it when learnable; -1 for none.</param>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
readonly record struct LearningReach(LearningVerdict Verdict, Bound Range, int Tier)
{
    /// <summary>Whether learning may move the dimension here.</summary>
    public bool IsLearnable => Verdict == LearningVerdict.Learnable;
}

/// <summary>
/// The one answer to "may dimension d be learned here, and within what". A dimension is learned only where the user tier
/// marks it <c>[Learnable]</c> and no tier that binds in the jurisdiction says <c>[NotLearnable]</c>; a learned value
/// then lies in every binding tier's <c>[LearnWithin]</c> range, and is resolved against the bounds like any request.
/// A rule binds where its tier applies (<see cref="PolicyShape.TierApplies"/>): a law in its own jurisdiction and the
/// ones within it, and everywhere when no jurisdiction matched, so an unknown jurisdiction takes every law's rule.
/// Policy cards and the run-time layering (<c>LearnedLayers</c>) both ask it.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class LearningScope
{
    /// <summary>Whether and within what range dimension <paramref name="dimension"/> may be learned in <paramref name="jurisdiction"/> (-1: none matched).</summary>
    public static LearningReach Of(PolicyShape shape, int dimension, int jurisdiction)
    {
        var info = shape.Dimensions[dimension];
        var empty = Lattice.Empty(info.Domain.Kind);
        if (!info.Learnable)
        {
            return new LearningReach(LearningVerdict.NotMarked, empty, -1);
        }

        var range = info.Domain;
        var narrowedBy = -1;
        foreach (var rule in shape.LearningOn(dimension))
        {
            if (!shape.TierApplies(rule.Tier, jurisdiction))
            {
                continue;
            }

            if (rule.NotLearnable)
            {
                return new LearningReach(LearningVerdict.SwitchedOff, empty, rule.Tier);
            }

            range = Lattice.Intersect(range, rule.Range);
            narrowedBy = rule.Tier;
            if (Lattice.IsEmpty(range))
            {
                // Fail closed: ranges that leave nothing mean no learning, never learning unbounded.
                return new LearningReach(LearningVerdict.NoCommonRange, empty, rule.Tier);
            }
        }

        return new LearningReach(LearningVerdict.Learnable, range, narrowedBy);
    }

    /// <summary>
    /// The values a learned value may take in a context: the learning range met with the strict bounds that apply
    /// there (a waiver is the user's own act, so learning never exercises one). Empty when nothing may be learned.
    /// </summary>
    public static Bound Reach(PolicyShape shape, int dimension, int jurisdiction, in PolicyContext context)
    {
        var scope = Of(shape, dimension, jurisdiction);
        if (!scope.IsLearnable)
        {
            return scope.Range;
        }

        // On a contradiction resolution grants only the strictest value, whatever is asked; otherwise the strict meet.
        var narrowing = Binding.Narrow(shape, dimension, jurisdiction, context);
        var bounds = narrowing.Conflict >= 0 ? narrowing.Allowed(shape.Dimensions[dimension]) : narrowing.Strict;
        return Lattice.Intersect(scope.Range, bounds);
    }
}
