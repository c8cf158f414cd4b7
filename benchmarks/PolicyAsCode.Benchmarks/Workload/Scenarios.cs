using System.Linq;
using PolicyAsCode.Benchmarks.Large;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Workload;

/// <summary>What a resolution has to do.</summary>
public enum ResolveScenario
{
    /// <summary>Every value is inside every bound: nothing moves, and the request itself is the effective record.</summary>
    Unchanged,

    /// <summary>One value is above its cap: one clamp, one adjustment.</summary>
    OneClamp,

    /// <summary>A minor asking for everything: most values move, each explained.</summary>
    ManyClamps,
}

/// <summary>What a decision has to do.</summary>
public enum DecideScenario
{
    /// <summary>The content shows no hazard, or only hazards nothing forbids for this user: allowed.</summary>
    Allow,

    /// <summary>The content shows a hazard a law, the organisation or the user forbids, or one the policy cannot name: refused, naming why.</summary>
    Refuse,
}

/// <summary>The fixed requests the benchmarks time.</summary>
public static class Scenarios
{
    /// <summary>An adult in the EU who consented to memory.</summary>
    public static readonly PolicyContext EuAdult = PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);

    /// <summary>A minor in the EU who did not consent to memory.</summary>
    public static readonly PolicyContext EuMinor = PolicyContext.In("EU").With(Fact.Minor, true).With(Fact.ConsentsToMemory, false);

    /// <summary>A QuickStart request inside every bound for an EU adult.</summary>
    public static readonly LearnerPreferences QuickStartWithin = new()
    {
        Maturity = Maturity.Teen, Tone = Tone.Playful, MemoryDays = 7, Creativity = 0.5, Topics = Topics.Science | Topics.History,
        Language = "fr", AvoidHazards = Hazard.Hate,
    };

    /// <summary>A QuickStart request and its context for each scenario.</summary>
    public static (LearnerPreferences Request, PolicyContext Context) QuickStart(ResolveScenario scenario) => scenario switch
    {
        ResolveScenario.Unchanged => (QuickStartWithin, EuAdult),
        ResolveScenario.OneClamp => (QuickStartWithin with { Maturity = Maturity.Mature }, EuAdult),
        _ => (new LearnerPreferences
        {
            Maturity = Maturity.Mature, Tone = Tone.Sarcastic, MemoryDays = 30, Topics = Topics.Romance | Topics.Science, Creativity = 1.0,
            DiscloseAi = false, Language = "nl",
        }, EuMinor),
    };

    /// <summary>A hazard each decision scenario detects for <see cref="QuickStartWithin"/> in <see cref="EuAdult"/>.</summary>
    public static Hazard Detected(DecideScenario scenario) => scenario == DecideScenario.Allow ? Hazard.ViolentCrimes : Hazard.Elections;

    /// <summary>Everything a decision says, folded into a number, so a benchmark cannot skip building any of it.</summary>
    public static int Use(in Decision decision) =>
        (int)decision.Verdict + (int)decision.Cause + (int)(ulong)decision.Hazards + (decision.Rule?.Index ?? 0) + (decision.Tier?.Index ?? 0);

    /// <summary>How many decisions one invocation of a decide benchmark makes.</summary>
    public const int DecisionBatch = 1024;

    /// <summary>
    /// <see cref="DecisionBatch"/> decisions of one scenario: random users (requests, jurisdictions, facts) each with a
    /// resolution made beforehand, and detected hazards that their policy allows, or refuses, so that a benchmark
    /// times real decisions on varied inputs rather than one decision the JIT can hoist out of its loop.
    /// </summary>
    public static (T Request, PolicyContext Context, Hazard Detected)[] Decisions<T>(DecideScenario scenario, int seed)
        where T : class, IUserTierPolicy<T>
    {
        var random = new System.Random(seed);
        var users = RandomCases.For<T>(DecisionBatch * 4, seed).Where(c => c.Requested is not null && c.Unreadable.IsEmpty).ToArray();
        var decisions = new (T, PolicyContext, Hazard)[DecisionBatch];
        var n = 0;
        while (n < DecisionBatch)
        {
            var user = users[random.Next(users.Length)];
            var resolution = T.Resolve(user.Requested!, user.Context, default);
            var detected = RandomCases.Hazards(random, T.Registry);
            if (T.Decide(resolution, detected).IsAllowed == (scenario == DecideScenario.Allow))
            {
                decisions[n++] = (user.Requested!, user.Context, detected);
            }
        }

        return decisions;
    }

    /// <summary>A request to a generated benchmark policy (Large/generate_large_policy.py) and its context for each scenario.</summary>
    public static (T Request, PolicyContext Context) Generated<T>(ResolveScenario scenario)
        where T : class, IUserTierPolicy<T>, new() => scenario switch
    {
        ResolveScenario.Unchanged => (new T(), EuAdult),
        ResolveScenario.OneClamp => (OneAtItsLoosest<T>(), EuAdult),
        _ => (Everything<T>(), EuMinor),
    };

    /// <summary>A large-policy request and its context for each scenario.</summary>
    public static (LargePreferences Request, PolicyContext Context) Large(ResolveScenario scenario) => Generated<LargePreferences>(scenario);

    // The defaults, with the first dimension (an ordinal, Level00) at its loosest value: one clamp.
    private static T OneAtItsLoosest<T>()
        where T : class, IUserTierPolicy<T>, new()
    {
        var values = T.Encode(new T());
        values[0] = DimensionValue.OfPosition(T.Registry.Dimensions[0].Members.Length - 1);
        return T.Decode(values);
    }

    // Every dimension at its loosest value: most of them move.
    private static T Everything<T>()
        where T : class, IUserTierPolicy<T>, new()
    {
        var values = T.Encode(new T());
        foreach (var d in T.Registry.Dimensions)
        {
            values[d.Index] = d.Kind switch
            {
                DimensionKind.Integer => DimensionValue.OfNumber(365),
                DimensionKind.Real => DimensionValue.OfNumber(1.0),
                DimensionKind.Set => DimensionValue.OfMask(d.IsHazardSet ? 0 : d.Domain.Ceiling),
                DimensionKind.Boolean => DimensionValue.OfPosition(d.HigherIsStricter ? 0 : 1),
                _ => DimensionValue.OfPosition(d.Members.Length - 1),
            };
        }

        return T.Decode(values);
    }
}
