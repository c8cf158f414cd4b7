using PolicyAsCode;
using PolicyAsCode.Learning;

namespace Feedback;

/// <summary>
/// A made-up population of learners giving feedback, deterministic so the datasheet it yields can be published and
/// reviewed as a diff: a few heavy contributors and many light ones, most but not all consenting to training.
/// </summary>
internal static class SimulatedPopulation
{
    private static readonly string[] Jurisdictions = ["EU", "DE", "US", "US-CA"];

    public static List<FeedbackEvent> Events(DateTimeOffset now, int people = 600, int seed = 18)
    {
        var random = new Random(seed);
        var events = new List<FeedbackEvent>();
        for (var p = 0; p < people; p++)
        {
            // A handful of jurisdictions hold most people; "FR" has too few to publish, so the datasheet suppresses it.
            var jurisdiction = p % 150 == 7 ? "FR" : Jurisdictions[random.Next(Jurisdictions.Length)];
            var consents = random.NextDouble() < 0.75;
            var withdrew = consents && random.NextDouble() < 0.05;
            var minor = random.NextDouble() < 0.15;
            var adult = !minor && random.NextDouble() < 0.4;
            // Heavy tail: most give a few ratings, one in fifty gives dozens.
            var count = random.NextDouble() < 0.02 ? 40 + random.Next(40) : 1 + random.Next(6);
            var prefersShort = random.NextDouble() < 0.7;
            for (var e = 0; e < count; e++)
            {
                var at = now - TimeSpan.FromHours(1 + random.Next(24 * 28));
                var last = e == count - 1;
                var known = Fact.ConsentsToFeedbackTraining | Fact.Minor | Fact.VerifiedAdult;
                var holding = (consents && !(withdrew && last) ? Fact.ConsentsToFeedbackTraining : Fact.None)
                    | (minor ? Fact.Minor : Fact.None) | (adult ? Fact.VerifiedAdult : Fact.None);
                var nudges = new List<DimensionNudge>();
                var roll = random.NextDouble();
                if (roll < 0.6)
                {
                    nudges.Add(prefersShort
                        ? new DimensionNudge("Verbosity", FeedbackDirection.Lower, "too long")
                        : new DimensionNudge("Verbosity", FeedbackDirection.Higher, "too short"));
                }
                else if (roll < 0.8)
                {
                    nudges.Add(new DimensionNudge("Creativity", random.NextDouble() < 0.6 ? FeedbackDirection.Higher : FeedbackDirection.Lower, "more inventive"));
                }

                var rating = nudges.Count > 0 ? -1 : 1;
                events.Add(new FeedbackEvent(
                    $"fb-{p}-{e}", $"learner-{p}", last ? now - TimeSpan.FromMinutes(p % 50) : at, nudges, rating,
                    random.NextDouble() < 0.2 ? "my own words about answer " + e : null,
                    $"decision-{p}-{e}", "2026.12", jurisdiction, known, holding));
            }
        }

        return events;
    }
}
