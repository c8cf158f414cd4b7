using System.Text;
using PolicyAsCode;
using PolicyAsCode.Documents;
using PolicyAsCode.Learning;
using QuickStart.Policies;

namespace Feedback;

/// <summary>
/// Learning from feedback, within bounds (docs/feedback.md): a learner who keeps saying "too long", one who wants more
/// inventive answers, an undo, and a consenting population's export with its datasheet. Pass a path to write the
/// datasheet there (the repository's docs/feedback-datasheet.md is this sample's output).
/// </summary>
internal static class Program
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static int Main(string[] args)
    {
        var registry = LearnerPreferences.Registry;
        var learner = new StepLearner();
        var context = PolicyContext.In("DE").With(Fact.Minor, false).With(Fact.ConsentsToMemory, false);

        // What the learner set themselves: a playful tone. Everything else is a default, and may be learned.
        var stored = Encoding.UTF8.GetBytes("""{"tone":"Playful"}""");
        var explicitDimensions = LearnedLayers.ExplicitDimensions(registry, stored);
        var explicitOrDefault = LearnerPreferences.ReadPreferences(stored, context).Requested;
        var events = new List<FeedbackEvent>();
        var resets = new List<LearningReset>();

        Console.WriteLine("# A learner in DE keeps saying \"too long\"");
        Console.WriteLine();
        for (var i = 1; i <= 6; i++)
        {
            events.Add(Feedback(events.Count, Now.AddHours(-7 + i), new DimensionNudge("Verbosity", FeedbackDirection.Lower, "too long")));
            Show($"after {i} 'too long'", registry, learner, explicitOrDefault, explicitDimensions, new FeedbackHistory(events, resets), context, Now.AddHours(-6 + i), "Verbosity");
        }

        Console.WriteLine();
        Console.WriteLine("Concise is the most concise value the policy allows: further feedback moves it no further.");
        Console.WriteLine();
        Console.WriteLine("# The same learner asks for more inventive explanations, and for a calmer tone");
        Console.WriteLine();
        for (var i = 1; i <= 15; i++)
        {
            events.Add(Feedback(events.Count, Now.AddMinutes(i), new DimensionNudge("Creativity", FeedbackDirection.Higher, "more inventive")));
            if (i % 3 == 0)
            {
                Show($"after {i} 'more inventive'", registry, learner, explicitOrDefault, explicitDimensions, new FeedbackHistory(events, resets), context, Now.AddMinutes(i), "Creativity");
            }
        }

        for (var i = 1; i <= 3; i++)
        {
            events.Add(Feedback(events.Count, Now.AddMinutes(20 + i), new DimensionNudge("Tone", FeedbackDirection.Lower, "too playful")));
        }

        var at = Now.AddMinutes(30);
        var request = Compose(registry, learner, explicitOrDefault, explicitDimensions, new FeedbackHistory(events, resets), context, at);
        foreach (var ignored in request.Ignored)
        {
            Console.WriteLine($"  not used: {ignored.Change.Explain(registry)}: {ignored.Why}");
        }

        // A learner who never set tone: EU law switches learning it off in DE; in the US the same feedback is learned.
        var tone = new FeedbackHistory(events.Where(e => e.Nudges[0].Dimension == "Tone").ToList(), []);
        foreach (var place in new[] { "DE", "US" })
        {
            var elsewhere = PolicyContext.In(place).With(Fact.Minor, false);
            var defaults = LearnerPreferences.Defaults(elsewhere);
            var toneRequest = Compose(registry, learner, defaults, DimensionSet.Empty, tone, elsewhere, at);
            foreach (var used in toneRequest.Applied)
            {
                Console.WriteLine($"  another learner in {place}, used: {used.Explain(registry)}");
            }

            foreach (var ignored in toneRequest.Ignored)
            {
                Console.WriteLine($"  another learner in {place}, not used: {ignored.Change.Explain(registry)}: {ignored.Why}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("# The learner undoes what was learned about Verbosity");
        Console.WriteLine();
        resets.Add(new LearningReset("Verbosity", at));
        Show("after the undo", registry, learner, explicitOrDefault, explicitDimensions, new FeedbackHistory(events, resets), context, at.AddMinutes(1), "Verbosity");

        Console.WriteLine();
        Console.WriteLine("# A population's consented feedback, exported and described");
        Console.WriteLine();
        var population = SimulatedPopulation.Events(Now);
        var options = new FeedbackExportOptions(Encoding.UTF8.GetBytes("demo key: never ship a key in code"), ["Tone"]);
        var export = new StringWriter();
        var written = FeedbackExport.Write(export, population, options);
        var people = population.Select(e => e.UserId).Distinct().Count();
        Console.WriteLine($"{population.Count} feedback events from {people} people; {written} consented records exported. The first:");
        Console.WriteLine(export.ToString().Split('\n')[0]);
        Console.WriteLine();
        var datasheet = FeedbackDatasheet.From(FeedbackExport.Read(new StringReader(export.ToString())));
        var markdown = datasheet.Markdown("Feedback datasheet: the Feedback sample's simulated learners");
        Console.WriteLine(markdown);
        if (args.Length > 0)
        {
            File.WriteAllText(args[0], markdown);
            Console.WriteLine($"(written to {args[0]})");
        }

        Console.WriteLine("# The policy card's alignment section");
        Console.WriteLine();
        var card = PolicyCard.Create(registry, new PolicyCardOptions("docs/feedback-datasheet.md")).ToMarkdown();
        var start = card.IndexOf("## Alignment", StringComparison.Ordinal);
        var end = card.IndexOf("## Benefits, risks", StringComparison.Ordinal);
        Console.WriteLine(card[start..end].TrimEnd());
        return 0;
    }

    private static FeedbackEvent Feedback(int n, DateTimeOffset at, DimensionNudge nudge) =>
        new($"fb-{n + 1}", "ada", at, [nudge], -1, Jurisdiction: "DE", FactsKnown: Fact.ConsentsToFeedbackTraining, FactsHolding: Fact.ConsentsToFeedbackTraining);

    private static LearnedRequest<LearnerPreferences> Compose(
        PolicyRegistry registry, StepLearner learner, LearnerPreferences explicitOrDefault, DimensionSet explicitDimensions, FeedbackHistory history, PolicyContext context, DateTimeOffset now)
    {
        var learned = learner.Learn(registry, LearnerPreferences.Encode(explicitOrDefault), history, now);
        return LearnedLayers.Compose(registry, explicitOrDefault, explicitDimensions, learned, context);
    }

    private static void Show(
        string step, PolicyRegistry registry, StepLearner learner, LearnerPreferences explicitOrDefault, DimensionSet explicitDimensions, FeedbackHistory history, PolicyContext context, DateTimeOffset now, string dimensionName)
    {
        var dimension = registry.FindDimension(dimensionName)!;
        var learned = learner.Learn(registry, LearnerPreferences.Encode(explicitOrDefault), history, now);
        var request = LearnedLayers.Compose(registry, explicitOrDefault, explicitDimensions, learned, context);
        var resolution = LearnerPreferences.Resolve(request.Requested, context, default);
        var proposal = learned.Changes.FirstOrDefault(c => c.DimensionName == dimensionName);
        var applied = request.Applied.FirstOrDefault(c => c.DimensionName == dimensionName);
        var effective = LearnerPreferences.Encode(resolution.Effective)[dimension.Index];
        Console.WriteLine($"{step,-26} learned {(proposal is null ? "nothing" : dimension.Format(proposal.To)),-9} effective {dimension.Format(effective),-9} {(applied is null ? "(default)" : applied.Explain(registry))}");
    }
}
