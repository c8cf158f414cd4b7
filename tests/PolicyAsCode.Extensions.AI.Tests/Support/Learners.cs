using PolicyAsCode.Runtime;
using QuickStart.Policies;

namespace PolicyAsCode.Extensions.AI.Tests.Support;

/// <summary>Requests and contexts the tests share, on the QuickStart policy.</summary>
public static class Learners
{
    public static PolicyContext EuMinor => PolicyContext.In("EU").With(Fact.Minor, true).With(Fact.ConsentsToMemory, false);

    public static PolicyContext EuAdult => PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);

    public static PolicyContext EuAdultRolePlay => EuAdult.With(Fact.RolePlay, true);

    public static PolicyContext UsAdult => PolicyContext.In("US").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);

    // DE is within EU and US-CA within US in the QuickStart: a request there applies both laws.
    public static PolicyContext DeAdult => PolicyContext.In("DE").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);

    public static PolicyContext DeMinor => PolicyContext.In("DE").With(Fact.Minor, true).With(Fact.ConsentsToMemory, true);

    public static PolicyContext UsCaAdult => PolicyContext.In("US-CA").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);

    // A jurisdiction the policy does not know: every law applies.
    public static PolicyContext ElsewhereAdult => PolicyContext.In("BR").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);

    public static LearnerPreferences AsksForEverything => new()
    {
        Maturity = Maturity.Mature,
        Tone = Tone.Sarcastic,
        MemoryDays = 30,
        Topics = Topics.Romance | Topics.Science,
        Creativity = 1.0,
        Language = "fr",
    };

    public static PolicyEngine<LearnerPreferences> Engine(PolicyTelemetry? telemetry = null) => new(telemetry);
}
