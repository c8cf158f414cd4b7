using System;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// What a benchmark checks before it times anything: both endpoints answer, with the same answer when nothing moves
/// and with the policy's effective values (not the stored ones) when values are clamped.
/// </summary>
public static class ServiceCheck
{
    /// <summary>The two answers of <paramref name="host"/>, or an exception saying how they are wrong for <paramref name="scenario"/>.</summary>
    public static async Task<(string Plain, string Personalised)> AnswersAsync(ServiceHost host, ServiceScenario scenario)
    {
        var plain = await host.GetTextAsync("/plain");
        var personalised = await host.GetTextAsync("/personalised");

        // What the policy makes of the stored document, asked of the generated evaluator directly.
        var context = PolicyContext.In("EU").With(Fact.Minor, scenario == ServiceScenario.Clamped).With(Fact.ConsentsToMemory, scenario == ServiceScenario.Unchanged);
        var read = LearnerPreferences.ReadPreferences(Encoding.UTF8.GetBytes(ServiceUsers.Document(scenario)), context);
        var resolution = LearnerPreferences.Resolve(read.Requested, context, read.Unreadable);
        var stored = JsonDocument.Parse(ServiceUsers.Document(scenario)).RootElement.GetProperty("maturity").GetString();

        Expect(read.IsValid, "the stored document does not read");
        Expect(resolution.Adjustments.Count == ServiceUsers.Moved(scenario), $"{resolution.Adjustments.Count} values move, not {ServiceUsers.Moved(scenario)}");
        Expect(Maturity(plain) == stored, $"/plain answers {plain}, not the stored maturity {stored}");
        Expect(Maturity(personalised) == resolution.Effective.Maturity.ToString(), $"/personalised answers {personalised}, not the effective maturity {resolution.Effective.Maturity}");
        Expect((plain == personalised) == (scenario == ServiceScenario.Unchanged), $"the answers should {(scenario == ServiceScenario.Unchanged ? "agree" : "differ")}: {plain} / {personalised}");
        return (plain, personalised);
    }

    private static string? Maturity(string answer) => JsonDocument.Parse(answer).RootElement.GetProperty("maturity").GetString();

    private static void Expect(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The service benchmark is not measuring what it says: " + problem + ".");
        }
    }
}
