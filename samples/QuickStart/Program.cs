using System;
using System.Collections.Generic;
using PolicyAsCode;
using QuickStart;
using QuickStart.Policies;

// The QuickStart: a tutoring assistant deployed in the EU and the US resolves very different learners'
// requests against law, organisation and user tiers, then decides on a few pieces of content.
// A settings file arrives as untrusted JSON. The generated reader never throws: every error names its path, and the
// dimensions an error touches are listed as unreadable, so they resolve fail-closed; the rest are read as written.
var settingsContext = PolicyContext.In("US").With(Fact.Minor, false);
var settings = LearnerPreferences.ReadPreferences(
    """{ "maturity": "Teen", "creativity": "high", "language": "klingon", "tone": "Playful", "maturity": "Mature", "theme": "dark" }"""u8,
    settingsContext);

var learners = new List<(string Who, LearnerPreferences Asked, PolicyContext Context, DimensionSet Unreadable)>
{
    ("Minor in the EU asking for everything",
        new LearnerPreferences { Maturity = Maturity.Mature, Tone = Tone.Sarcastic, MemoryDays = 30, Topics = Topics.Romance | Topics.Science, Creativity = 1.0 },
        PolicyContext.In("EU").With(Fact.Minor, true).With(Fact.ConsentsToMemory, false),
        DimensionSet.Empty),
    ("Adult in the US asking for more than allowed",
        new LearnerPreferences { Maturity = Maturity.Mature, MemoryDays = 90, Creativity = 0.95, Topics = Topics.Politics | Topics.Finance, Language = "nl" },
        PolicyContext.In("US").With(Fact.Minor, false),
        DimensionSet.Empty),
    ("Adult in the EU waiving AI disclosure for a role-play",
        new LearnerPreferences { DiscloseAi = false, Tone = Tone.Playful, MemoryDays = 7, Verbosity = Verbosity.Detailed },
        PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.RolePlay, true).With(Fact.ConsentsToMemory, true),
        DimensionSet.Empty),
    ("Same adult without a role-play",
        new LearnerPreferences { DiscloseAi = false, Tone = Tone.Playful, MemoryDays = 7, Verbosity = Verbosity.Detailed },
        PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true),
        DimensionSet.Empty),
    ("Minor in Germany (within the EU) consenting to 10 days of memory",
        new LearnerPreferences { MemoryDays = 10, Maturity = Maturity.Teen },
        PolicyContext.In("DE").With(Fact.Minor, true).With(Fact.ConsentsToMemory, true),
        DimensionSet.Empty),
    ("Adult in California (within the US) asking not to be told it is an AI",
        new LearnerPreferences { DiscloseAi = false, MemoryDays = 7 },
        PolicyContext.In("US-CA").With(Fact.Minor, false).With(Fact.RolePlay, true),
        DimensionSet.Empty),
    ("Learner from an unknown jurisdiction, age unknown",
        new LearnerPreferences { Maturity = Maturity.Teen, MemoryDays = 10, Language = "de" },
        PolicyContext.In("BR"),
        DimensionSet.Empty),
    ("Settings file with errors, read as JSON", settings.Requested, settingsContext, settings.Unreadable),
    ("Learner who avoids hate content",
        new LearnerPreferences { AvoidHazards = Hazard.Hate | Hazard.ViolentCrimes },
        PolicyContext.In("US").With(Fact.Minor, false),
        DimensionSet.Empty),
};

Console.WriteLine($"Policy {LearnerPreferences.Registry.Name}: {LearnerPreferences.Registry.Tiers.Length} tiers, " +
    $"{LearnerPreferences.Registry.Dimensions.Length} dimensions, {LearnerPreferences.Registry.Bounds.Length} bounds, " +
    $"jurisdictions {string.Join(", ", LearnerPreferences.Registry.Jurisdictions)}");
Console.WriteLine();

var resolutions = new List<(string Who, Resolution<LearnerPreferences> Resolution)>();
foreach (var (who, asked, context, unreadable) in learners)
{
    if (ReferenceEquals(asked, settings.Requested))
    {
        Console.WriteLine($"Reading the settings file: {settings.Errors.Count} error(s)");
        foreach (var error in settings.Errors)
        {
            Console.WriteLine($"  {error.Path} ({error.Kind}): {error.Message}");
        }

        Console.WriteLine();
    }

    var resolution = LearnerPreferences.Resolve(asked, context, unreadable);
    resolutions.Add((who, resolution));
    ResolutionTable.Print(who, context, asked, unreadable, resolution);
}

Console.WriteLine("Content decisions");
var samples = new (string Content, Hazard Detected)[]
{
    ("a chemistry explanation", Hazard.None),
    ("a flirtatious story", Hazard.SexualContent),
    ("tips on whom to vote for", Hazard.Elections),
    ("a violent war story", Hazard.ViolentCrimes),
    ("content flagged with an unknown category", Hazard.Custom3),
};

var table = new TextTable("learner", "content", "decision");
foreach (var (who, resolution) in resolutions)
{
    if (who.StartsWith("Same adult", StringComparison.Ordinal) || who.StartsWith("Settings", StringComparison.Ordinal))
    {
        continue;
    }

    foreach (var (content, detected) in samples)
    {
        var decision = LearnerPreferences.Decide(resolution, detected);
        table.Add(who, content, decision.Explain());
    }
}

table.Print();

// A gateway that needs only allow or refuse, per request, asks the gate instead: the same answers as resolving and
// deciding, with no resolution built and nothing allocated (docs/generated-code.md, "The gate"). It answers for the
// request as read, so the settings file with unreadable values is left to Resolve.
var gateAsked = 0;
var gateAgreed = 0;
foreach (var (_, asked, context, unreadable) in learners)
{
    if (!unreadable.IsEmpty)
    {
        continue;
    }

    var scope = new LearnerPreferences.PolicyScope(context);
    var resolution = LearnerPreferences.Resolve(asked, context);
    foreach (var (_, detected) in samples)
    {
        gateAsked++;
        var sameDecision = LearnerPreferences.Admits(asked, scope, detected) == LearnerPreferences.Decide(resolution, detected).IsAllowed;
        var sameMaturity = LearnerPreferences.Granted.Maturity(asked, scope) == resolution.Effective.Maturity;
        gateAgreed += sameDecision && sameMaturity ? 1 : 0;
    }
}

Console.WriteLine();
Console.WriteLine($"The gate (Admits, Granted.Maturity), asked without resolving: {gateAgreed} of {gateAsked} answers as Resolve and Decide gave them.");
if (gateAgreed != gateAsked)
{
    Console.Error.WriteLine("The gate disagreed with the resolution: report this as a bug.");
    Environment.ExitCode = 1;
}
