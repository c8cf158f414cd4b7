using System;
using System.Runtime.CompilerServices;
using PolicyAsCode.Compiled;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.HandWritten;

/// <summary>
/// The QuickStart policy evaluated by hand: what an engineer who knows this one policy would write, with every
/// bound folded into the comparisons of typed values, no lattice calls and no generality. It keeps exactly the
/// semantics of the generated <see cref="LearnerPreferences.Resolve(LearnerPreferences, in PolicyContext, DimensionSet)"/>
/// and <see cref="LearnerPreferences.Decide"/> (the same effective values, adjusted dimensions and causes, hazards and
/// refusals; <see cref="Agreement"/> checks this on random requests in every jurisdiction), and it is as frugal: what
/// moved is recorded as bits with <c>AdjustmentRecorder</c> and the effective record is the one object it allocates,
/// so it is the practical lower bound the generated evaluator is measured against.
/// </summary>
/// <remarks>
/// <para>
/// Tiers, outermost law first: EU, US, DE (within EU), US-CA (within US), contoso-learning, LearnerPreferences. A law
/// applies in its own jurisdiction and every jurisdiction within it, and every law applies where none matched (fail
/// closed): EU law in EU and DE, US law in US and US-CA, DE law in DE, US-CA law in US-CA. This class knows that by
/// heart, as a hand-written evaluator would; the generated one asks <c>PolicyShape</c> at build time, and the
/// agreement check is what keeps the two equal.
/// </para>
/// <para>
/// It cites no bound: a resolution's adjustments are explained only when read, by the one citation rule of the
/// runtime (<c>Citation</c>), for every evaluator alike.
/// </para>
/// <para>
/// What this policy lets it skip: no two bounds of the QuickStart can contradict (every bound allows the strictest
/// value of its dimension), so there is no contradiction path; Verbosity and AvoidHazards have no bound; the laws of DE
/// and US-CA forbid no hazard, so the forbidden hazards depend on EU and US law, the organisation and the user only.
/// </para>
/// </remarks>
public static class QuickStartHandWritten
{
    internal const Hazard Known = (Hazard)0x3FFFUL; // S1..S14; the QuickStart names no custom hazard
    // Shared with QuickStartDecisionByHand, which knows the same policy by heart.
    internal const Hazard AvoidDomain = (Hazard)0xFF00003FFFUL;
    internal const Hazard LawForbids = Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons;
    internal const Hazard OrgForbids = Hazard.Elections | Hazard.SpecializedAdvice;

    private static readonly PolicyRegistry Registry = LearnerPreferences.Registry;
    // The jurisdictions, as the registry numbers them (Resolution.Jurisdiction carries the number).
    internal static readonly int EuCode = Code("EU"), UsCode = Code("US"), DeCode = Code("DE"), UsCaCode = Code("US-CA");

    // Every resolution explains itself from the compiled policy when asked, as the generated evaluator's do.
    private static readonly PolicyEncoding<LearnerPreferences> Policy = PolicyEncoding<LearnerPreferences>.Compiled;

    private static readonly ForbidRule F0 = Registry.Forbids[0], F1 = Registry.Forbids[1], F2 = Registry.Forbids[2], F3 = Registry.Forbids[3],
        F4 = Registry.Forbids[4], F5 = Registry.Forbids[5];
    private static readonly TierInfo T0 = Registry.Tiers[F0.Tier], T1 = Registry.Tiers[F1.Tier], T2 = Registry.Tiers[F2.Tier], T3 = Registry.Tiers[F3.Tier],
        T4 = Registry.Tiers[F4.Tier], T5 = Registry.Tiers[F5.Tier];

    /// <summary>Resolves like the generated evaluator.</summary>
    public static Resolution<LearnerPreferences> Resolve(LearnerPreferences requested, in PolicyContext context, DimensionSet unreadable)
    {
        var read = requested is not null;
        var source = requested ?? new LearnerPreferences();
        var jurisdiction = Jurisdiction(context.Jurisdiction);
        var every = jurisdiction < 0;                     // no jurisdiction matched: every law applies
        var eu = every || jurisdiction == EuCode || jurisdiction == DeCode;
        var us = every || jurisdiction == UsCode || jurisdiction == UsCaCode;
        var de = every || jurisdiction == DeCode;
        var usCa = every || jurisdiction == UsCaCode;
        var minorMayHold = !context.Refutes(Fact.Minor);  // When = Minor restricts unless known false
        var noConsent = !context.Establishes(Fact.ConsentsToMemory);
        var rolePlay = context.Establishes(Fact.RolePlay);
        var euMinor = eu && minorMayHold;
        var usMinor = us && minorMayHold;
        var deMinor = de && minorMayHold;

        // The fast path: every value readable and inside every applicable bound.
        var maturity = source.Maturity;
        var tone = source.Tone;
        var verbosity = source.Verbosity;
        var disclose = source.DiscloseAi;
        var memory = source.MemoryDays;
        var memoryCap = (eu && noConsent) || usMinor || deMinor ? 0 : 14;
        var creativity = source.Creativity;
        var topics = source.Topics;
        var language = LanguagePosition(source.Language);
        var avoid = source.AvoidHazards;
        var all = read && unreadable.IsEmpty;
        if (all
            && (uint)maturity <= (uint)Maturity.Teen
            && (uint)tone <= (uint)Tone.Playful
            && (uint)verbosity <= (uint)Verbosity.Detailed
            && (disclose || !(eu || usCa))
            && memory >= 0 && memory <= memoryCap
            && creativity >= 0 && creativity <= 0.8
            && ((int)topics & ~0xF) == 0
            && language <= 3
            && (avoid & ~AvoidDomain) == 0)
        {
            return new Resolution<LearnerPreferences>(Policy, source, context, source, default, Forbidden(eu, us, euMinor, usMinor, avoid, out var active), active, jurisdiction);
        }

        return Slow(source, read, unreadable, context, jurisdiction, eu, us, usCa, euMinor, usMinor, deMinor, rolePlay, memoryCap, language);
    }

    /// <summary>Decides like the generated evaluator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Decision Decide(in Resolution<LearnerPreferences> resolution, Hazard detected)
    {
        if ((detected & (resolution.Forbidden | ~Known)) == Hazard.None && resolution.Effective is not null)
        {
            return Decision.Allow;
        }

        return Refuse(in resolution, detected);
    }

    private static Decision Refuse(in Resolution<LearnerPreferences> resolution, Hazard detected)
    {
        if (resolution.Effective is null)
        {
            return Decision.RefuseUnresolved(detected);
        }

        if ((detected & ~Known) != Hazard.None)
        {
            return Decision.RefuseUnknown(detected & ~Known);
        }

        var active = resolution.ActiveForbids;
        if ((active & 1) != 0 && (detected & LawForbids) != Hazard.None)
        {
            return Decision.Refuse(F0, T0, detected & LawForbids);
        }

        if ((active & 2) != 0 && (detected & Hazard.SexualContent) != Hazard.None)
        {
            return Decision.Refuse(F1, T1, Hazard.SexualContent);
        }

        if ((active & 4) != 0 && (detected & LawForbids) != Hazard.None)
        {
            return Decision.Refuse(F2, T2, detected & LawForbids);
        }

        if ((active & 8) != 0 && (detected & Hazard.SexualContent) != Hazard.None)
        {
            return Decision.Refuse(F3, T3, Hazard.SexualContent);
        }

        if ((active & 16) != 0 && (detected & OrgForbids) != Hazard.None)
        {
            return Decision.Refuse(F4, T4, detected & OrgForbids);
        }

        if ((active & 32) != 0 && (detected & resolution.Forbidden) != Hazard.None)
        {
            return Decision.Refuse(F5, T5, detected & resolution.Forbidden);
        }

        return Decision.RefuseUnresolved(detected);
    }

    /// <summary>The registry's number of the jurisdiction, matched ignoring case; -1 when none matched (every law applies).</summary>
    internal static int Jurisdiction(string? jurisdiction) =>
        string.Equals(jurisdiction, "EU", StringComparison.OrdinalIgnoreCase) ? EuCode
        : string.Equals(jurisdiction, "US", StringComparison.OrdinalIgnoreCase) ? UsCode
        : string.Equals(jurisdiction, "DE", StringComparison.OrdinalIgnoreCase) ? DeCode
        : string.Equals(jurisdiction, "US-CA", StringComparison.OrdinalIgnoreCase) ? UsCaCode
        : -1;

    // Looked up once; a QuickStart that no longer has the jurisdiction or bound fails here, not with a wrong citation.
    private static int Code(string jurisdiction) =>
        Registry.Jurisdictions.IndexOf(jurisdiction) is var code and >= 0 ? code
        : throw new InvalidOperationException($"The QuickStart has no jurisdiction {jurisdiction}.");

    private static int LanguagePosition(string? language) => language switch
    {
        "en" => 0,
        "fr" => 1,
        "de" => 2,
        "es" => 3,
        "nl" => 4,
        _ => 64,
    };

    private static readonly string[] Languages = ["en", "fr", "de", "es", "nl"];

    private static Hazard Forbidden(bool eu, bool us, bool euMinor, bool usMinor, Hazard avoid, out ulong active)
    {
        var forbidden = OrgForbids;
        active = 0x10;
        if (eu)
        {
            forbidden |= LawForbids;
            active |= 0x1;
            if (euMinor)
            {
                forbidden |= Hazard.SexualContent;
                active |= 0x2;
            }
        }

        if (us)
        {
            forbidden |= LawForbids;
            active |= 0x4;
            if (usMinor)
            {
                forbidden |= Hazard.SexualContent;
                active |= 0x8;
            }
        }

        var own = avoid & AvoidDomain;
        if (own != Hazard.None)
        {
            forbidden |= own;
            active |= 0x20;
        }

        return forbidden;
    }

    // Something moved, failed closed or was waived: resolve each dimension on its own and record why it moved.
    private static Resolution<LearnerPreferences> Slow(
        LearnerPreferences source, bool read, DimensionSet unreadable, in PolicyContext context, int jurisdiction,
        bool eu, bool us, bool usCa, bool euMinor, bool usMinor, bool deMinor, bool rolePlay, int memoryCap, int language)
    {
        // What moved, as bits on the stack: the effective record is the only object allocated.
        var adjusted = default(AdjustmentRecorder);

        // Maturity: EU AtMost(Mature), EU AtMost(Teen) when minor, US AtMost(Teen) when minor, organisation AtMost(Teen).
        var maturity = source.Maturity;
        var maturityPosition = (uint)maturity <= 2 ? (int)maturity : 64;
        if (!read || unreadable.Contains(0) || maturityPosition == 64)
        {
            maturity = Maturity.General;
            adjusted.Record(0, AdjustmentCause.FailedClosed);
        }
        else if (maturity == Maturity.Mature)
        {
            maturity = Maturity.Teen;
            adjusted.Record(0, AdjustmentCause.Clamped);
        }

        // Tone: organisation AtMost(Playful).
        var tone = source.Tone;
        var tonePosition = (uint)tone <= 3 ? (int)tone : 64;
        if (!read || unreadable.Contains(1) || tonePosition == 64)
        {
            tone = Tone.Neutral;
            adjusted.Record(1, AdjustmentCause.FailedClosed);
        }
        else if (tone == Tone.Sarcastic)
        {
            tone = Tone.Playful;
            adjusted.Record(1, AdjustmentCause.Clamped);
        }

        // Verbosity: unbounded.
        var verbosity = source.Verbosity;
        var verbosityPosition = (uint)verbosity <= 2 ? (int)verbosity : 64;
        if (!read || unreadable.Contains(2) || verbosityPosition == 64)
        {
            verbosity = Verbosity.Concise;
            adjusted.Record(2, AdjustmentCause.FailedClosed);
        }

        // DiscloseAi: higher is stricter; EU Locked(true), waivable by the user in a role-play; US-CA Locked(true), which
        // nobody may waive. The waiver only lets false through where US-CA law does not also apply.
        var disclose = source.DiscloseAi;
        if (!read || unreadable.Contains(3))
        {
            adjusted.Record(3, AdjustmentCause.FailedClosed);
            disclose = true;
        }
        else if (!disclose && (eu || usCa))
        {
            var waived = eu && rolePlay && !usCa;
            disclose = !waived;
            adjusted.Record(3, waived ? AdjustmentCause.Waived : AdjustmentCause.Clamped);
        }

        // MemoryDays: EU Between(0, 30), EU Locked(0) unless consent, US Locked(0) when minor, DE Locked(0) when minor,
        // organisation AtMost(14), user Between(0, 365).
        var memory = source.MemoryDays;
        if (!read || unreadable.Contains(4))
        {
            adjusted.Record(4, AdjustmentCause.FailedClosed);
            memory = 0;
        }
        else if (memory < 0 || memory > memoryCap)
        {
            adjusted.Record(4, AdjustmentCause.Clamped);
            memory = memory < 0 ? 0 : memoryCap;
        }

        // Creativity: organisation AtMost(0.8), user Between(0.0, 1.0).
        var creativity = source.Creativity;
        if (!read || unreadable.Contains(5) || !double.IsFinite(creativity))
        {
            adjusted.Record(5, AdjustmentCause.FailedClosed);
            creativity = 0;
        }
        else if (!(creativity >= 0 && creativity <= 0.8))
        {
            adjusted.Record(5, AdjustmentCause.Clamped);
            creativity = creativity > 0.8 ? 0.8 : 0;
        }

        // Topics: EU AtMost(no romance) when minor, organisation AtMost(Science | History | Health | Finance).
        var topics = source.Topics;
        var topicBits = unchecked((ulong)(long)topics);
        if (!read || unreadable.Contains(6) || (topicBits & ~0x3FUL) != 0)
        {
            adjusted.Record(6, AdjustmentCause.FailedClosed);
            topics = Topics.None;
        }
        else if ((topicBits & ~0xFUL) != 0)
        {
            adjusted.Record(6, AdjustmentCause.Clamped);
            topics = (Topics)(int)(topicBits & 0xF);
        }

        // Language: organisation Allowed("en", "fr", "de", "es").
        var languageName = source.Language;
        if (!read || unreadable.Contains(7) || language == 64)
        {
            adjusted.Record(7, AdjustmentCause.FailedClosed);
            languageName = "en";
        }
        else if (language == 4)
        {
            adjusted.Record(7, AdjustmentCause.Clamped);
            languageName = "es";
        }
        else
        {
            languageName = Languages[language];
        }

        // AvoidHazards: higher is stricter, unbounded; an unreadable list avoids every hazard.
        var avoid = source.AvoidHazards;
        var avoidBits = unchecked((ulong)avoid);
        if (!read || unreadable.Contains(8) || (avoidBits & ~(ulong)AvoidDomain) != 0)
        {
            adjusted.Record(8, AdjustmentCause.FailedClosed);
            avoid = AvoidDomain;
        }

        var forbidden = Forbidden(eu, us, euMinor, usMinor, avoid, out var active);
        var request = read ? source : null;
        if (adjusted.IsEmpty)
        {
            return new Resolution<LearnerPreferences>(Policy, request, context, source, default, forbidden, active, jurisdiction);
        }

        var effective = source with
        {
            Maturity = maturity,
            Tone = tone,
            Verbosity = verbosity,
            DiscloseAi = disclose,
            MemoryDays = memory,
            Creativity = creativity,
            Topics = topics,
            Language = languageName,
            AvoidHazards = avoid,
        };
        return new Resolution<LearnerPreferences>(Policy, request, context, effective, adjusted.ToAdjustedDimensions(), forbidden, active, jurisdiction);
    }
}
