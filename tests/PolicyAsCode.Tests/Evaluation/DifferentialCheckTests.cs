using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using PolicyAsCode.Compiled;
using PolicyAsCode.Evaluation.Tests.Support;
using PolicyAsCode.Json;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// The differential check is not vacuous: an evaluator that differs from the interpreter in any one observable way
/// (a lost adjustment, a moved value, a wrong jurisdiction, a decision that lets unknown hazards through, other
/// defaults) is caught within a few hundred random cases, and the faithful evaluator passes the same cases.
/// </summary>
public sealed class DifferentialCheckTests
{
    private const int Budget = 2_000;

    [Theory]
    [InlineData(Mutation.DropAdjustment)]
    [InlineData(Mutation.NudgeMemory)]
    [InlineData(Mutation.ForgetJurisdiction)]
    [InlineData(Mutation.AllowUnknownHazards)]
    [InlineData(Mutation.OtherDefaults)]
    [InlineData(Mutation.ForgetUserForbids)]
    [InlineData(Mutation.AdmitDespiteOwnList)]
    [InlineData(Mutation.GrantAsAsked)]
    public void A_faulty_evaluator_is_caught(Mutation mutation)
    {
        var caught = Run(mutation);

        Assert.True(caught >= 0, $"{mutation} survived {Budget} random cases");
    }

    [Fact]
    public void A_faithful_evaluator_passes()
    {
        Assert.Equal(-1, Run(Mutation.None));
    }

    /// <summary>The index of the first case that caught the mutation, or -1 when none did.</summary>
    private static int Run(Mutation mutation)
    {
        var interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        var gen = CaseGenerators.Cases(LearnerPreferences.Registry);
        var random = new PCG(7, 20240601UL + (ulong)mutation);
        for (var i = 0; i < Budget; i++)
        {
            var c = gen.Generate(random, null!, out _);
            try
            {
                switch (mutation)
                {
                    case Mutation.None: Differential.Check<Faulty.None>(interpreter, c); break;
                    case Mutation.DropAdjustment: Differential.Check<Faulty.DropAdjustment>(interpreter, c); break;
                    case Mutation.NudgeMemory: Differential.Check<Faulty.NudgeMemory>(interpreter, c); break;
                    case Mutation.ForgetJurisdiction: Differential.Check<Faulty.ForgetJurisdiction>(interpreter, c); break;
                    case Mutation.AllowUnknownHazards: Differential.Check<Faulty.AllowUnknownHazards>(interpreter, c); break;
                    case Mutation.OtherDefaults: Differential.Check<Faulty.OtherDefaults>(interpreter, c); break;
                    case Mutation.ForgetUserForbids: Differential.Check<Faulty.ForgetUserForbids>(interpreter, c); break;
                    case Mutation.AdmitDespiteOwnList: Differential.Check<Faulty.AdmitDespiteOwnList>(interpreter, c); break;
                    case Mutation.GrantAsAsked: Differential.Check<Faulty.GrantAsAsked>(interpreter, c); break;
                    default: throw new ArgumentOutOfRangeException(nameof(mutation));
                }
            }
            catch (DifferentialMismatchException)
            {
                return i;
            }
        }

        return -1;
    }

    public enum Mutation
    {
        None,
        DropAdjustment,
        NudgeMemory,
        ForgetJurisdiction,
        AllowUnknownHazards,
        OtherDefaults,
        ForgetUserForbids,
        AdmitDespiteOwnList,
        GrantAsAsked,
    }

    /// <summary>Hand-written evaluators of the QuickStart registry: the generated one, with one fault each.</summary>
    public static class Faulty
    {
        public sealed record None(LearnerPreferences Inner) : Wrapper<None>(Inner), IUserTierPolicy<None>, IWrapping<None>
        {
            static None IWrapping<None>.Wrap(LearnerPreferences inner) => new(inner);
        }

        public sealed record DropAdjustment(LearnerPreferences Inner) : Wrapper<DropAdjustment>(Inner), IUserTierPolicy<DropAdjustment>, IWrapping<DropAdjustment>
        {
            static DropAdjustment IWrapping<DropAdjustment>.Wrap(LearnerPreferences inner) => new(inner);

            public static new Resolution<DropAdjustment> Resolve(DropAdjustment? requested, in PolicyContext context, DimensionSet unreadable)
            {
                var r = Wrapper<DropAdjustment>.Resolve(requested, context, unreadable);
                return new(r.Policy!, r.Requested, r.Context, r.Effective, Recorded(r.AdjustedDimensions.Skip(1)), r.Forbidden, r.ActiveForbids, r.Jurisdiction);
            }
        }

        public sealed record NudgeMemory(LearnerPreferences Inner) : Wrapper<NudgeMemory>(Inner), IUserTierPolicy<NudgeMemory>, IWrapping<NudgeMemory>
        {
            static NudgeMemory IWrapping<NudgeMemory>.Wrap(LearnerPreferences inner) => new(inner);

            public static new Resolution<NudgeMemory> Resolve(NudgeMemory? requested, in PolicyContext context, DimensionSet unreadable)
            {
                var r = Wrapper<NudgeMemory>.Resolve(requested, context, unreadable);
                var nudged = r.Effective.Inner.MemoryDays == 14 ? new NudgeMemory(r.Effective.Inner with { MemoryDays = 13 }) : r.Effective;
                return new(r.Policy!, r.Requested, r.Context, nudged, r.AdjustedDimensions, r.Forbidden, r.ActiveForbids, r.Jurisdiction);
            }
        }

        public sealed record ForgetJurisdiction(LearnerPreferences Inner) : Wrapper<ForgetJurisdiction>(Inner), IUserTierPolicy<ForgetJurisdiction>, IWrapping<ForgetJurisdiction>
        {
            static ForgetJurisdiction IWrapping<ForgetJurisdiction>.Wrap(LearnerPreferences inner) => new(inner);

            public static new Resolution<ForgetJurisdiction> Resolve(ForgetJurisdiction? requested, in PolicyContext context, DimensionSet unreadable)
            {
                var r = Wrapper<ForgetJurisdiction>.Resolve(requested, context, unreadable);
                return new(r.Policy!, r.Requested, r.Context, r.Effective, r.AdjustedDimensions, r.Forbidden, r.ActiveForbids, -1);
            }
        }

        public sealed record AllowUnknownHazards(LearnerPreferences Inner) : Wrapper<AllowUnknownHazards>(Inner), IUserTierPolicy<AllowUnknownHazards>, IWrapping<AllowUnknownHazards>
        {
            static AllowUnknownHazards IWrapping<AllowUnknownHazards>.Wrap(LearnerPreferences inner) => new(inner);

            public static new Decision Decide(in Resolution<AllowUnknownHazards> resolution, Hazard detected) =>
                Wrapper<AllowUnknownHazards>.Decide(resolution, detected & Taxonomy.Shipped);
        }

        public sealed record OtherDefaults(LearnerPreferences Inner) : Wrapper<OtherDefaults>(Inner), IUserTierPolicy<OtherDefaults>, IWrapping<OtherDefaults>
        {
            static OtherDefaults IWrapping<OtherDefaults>.Wrap(LearnerPreferences inner) => new(inner);

            public static new OtherDefaults Defaults(in PolicyContext context) =>
                new(LearnerPreferences.Defaults(context) with { Verbosity = context.Jurisdiction is null ? Verbosity.Detailed : Verbosity.Balanced });
        }

        public sealed record ForgetUserForbids(LearnerPreferences Inner) : Wrapper<ForgetUserForbids>(Inner), IUserTierPolicy<ForgetUserForbids>, IWrapping<ForgetUserForbids>
        {
            static ForgetUserForbids IWrapping<ForgetUserForbids>.Wrap(LearnerPreferences inner) => new(inner);

            public static new Resolution<ForgetUserForbids> Resolve(ForgetUserForbids? requested, in PolicyContext context, DimensionSet unreadable)
            {
                var r = Wrapper<ForgetUserForbids>.Resolve(requested, context, unreadable);
                return new(r.Policy!, r.Requested, r.Context, r.Effective, r.AdjustedDimensions, r.Forbidden & ~r.Effective.Inner.AvoidHazards, r.ActiveForbids & ~(1UL << 5), r.Jurisdiction);
            }
        }

        // The gate forgets the user's own avoid list, which the resolution's decision honours.
        public sealed record AdmitDespiteOwnList(LearnerPreferences Inner) : Wrapper<AdmitDespiteOwnList>(Inner), IUserTierPolicy<AdmitDespiteOwnList>, IWrapping<AdmitDespiteOwnList>
        {
            static AdmitDespiteOwnList IWrapping<AdmitDespiteOwnList>.Wrap(LearnerPreferences inner) => new(inner);

            public static new bool Admits(AdmitDespiteOwnList? requested, in PolicyContext context, Hazard detected) =>
                LearnerPreferences.Admits(requested?.Inner is { } inner ? inner with { AvoidHazards = Hazard.None } : null, context, detected);
        }

        // The gate grants the maturity asked for, unclamped.
        public sealed record GrantAsAsked(LearnerPreferences Inner) : Wrapper<GrantAsAsked>(Inner), IUserTierPolicy<GrantAsAsked>, IWrapping<GrantAsAsked>
        {
            static GrantAsAsked IWrapping<GrantAsAsked>.Wrap(LearnerPreferences inner) => new(inner);

            public static new void GrantedValues(GrantAsAsked? requested, in PolicyContext context, Span<DimensionValue> values)
            {
                Wrapper<GrantAsAsked>.GrantedValues(requested, context, values);
                if (requested is not null)
                {
                    values[0] = LearnerPreferences.Encode(requested.Inner)[0];
                }
            }
        }
    }

    /// <summary>The adjusted dimensions listed, as an evaluator records them.</summary>
    private static AdjustedDimensions Recorded(IEnumerable<AdjustedDimension> adjusted)
    {
        var recorder = default(AdjustmentRecorder);
        foreach (var (dimension, cause) in adjusted)
        {
            recorder.Record(dimension, cause);
        }

        return recorder.ToAdjustedDimensions();
    }

    /// <summary>Makes a faulty evaluator's record around the generated one.</summary>
    public interface IWrapping<T>
        where T : IWrapping<T>
    {
        static abstract T Wrap(LearnerPreferences inner);
    }

    /// <summary>Delegates every member to the generated QuickStart evaluator.</summary>
    public abstract record Wrapper<T>(LearnerPreferences Inner)
        where T : Wrapper<T>, IUserTierPolicy<T>, IWrapping<T>
    {
        public static PolicyRegistry Registry => LearnerPreferences.Registry;

        public static T Defaults(in PolicyContext context) => T.Wrap(LearnerPreferences.Defaults(context));

        public static Resolution<T> Resolve(T? requested, in PolicyContext context, DimensionSet unreadable)
        {
            var r = LearnerPreferences.Resolve(requested?.Inner!, context, unreadable);
            return new Resolution<T>(PolicyEncoding<T>.Compiled, r.Requested is null ? null : T.Wrap(r.Requested), r.Context, T.Wrap(r.Effective), r.AdjustedDimensions, r.Forbidden, r.ActiveForbids, r.Jurisdiction);
        }

        public static Decision Decide(in Resolution<T> resolution, Hazard detected)
        {
            var inner = resolution.IsResolved
                ? new Resolution<LearnerPreferences>(PolicyEncoding<LearnerPreferences>.Compiled, resolution.Requested?.Inner, resolution.Context, resolution.Effective.Inner, resolution.AdjustedDimensions, resolution.Forbidden, resolution.ActiveForbids, resolution.Jurisdiction)
                : default;
            return LearnerPreferences.Decide(inner, detected);
        }

        public static bool Admits(T? requested, in PolicyContext context, Hazard detected) => LearnerPreferences.Admits(requested?.Inner, context, detected);

        public static void GrantedValues(T? requested, in PolicyContext context, Span<DimensionValue> values) => ThroughInterface.GrantedValues<LearnerPreferences>(requested?.Inner, context, values);

        public static DimensionValue[] Encode(T preferences) => LearnerPreferences.Encode(preferences.Inner);

        public static T Decode(ReadOnlySpan<DimensionValue> values) => T.Wrap(LearnerPreferences.Decode(values));

        public static PreferencesReadResult<T> ReadPreferences(ReadOnlySpan<byte> utf8Json, in PolicyContext context, PreferencesReaderOptions? options = null)
        {
            var read = LearnerPreferences.ReadPreferences(utf8Json, context, options);
            return new PreferencesReadResult<T>(T.Wrap(read.Requested), read.Unreadable, read.Errors, read.TooManyErrors);
        }

        public static void WritePreferences(System.Text.Json.Utf8JsonWriter writer, T preferences) => LearnerPreferences.WritePreferences(writer, preferences.Inner);
    }
}
