using System;
using System.Threading;
using System.Threading.Tasks;
using PolicyAsCode;
using PolicyAsCode.Runtime;

namespace Assistant;

/// <summary>
/// A DEMO CLASSIFIER: flags hazards by keyword. Real deployments plug in a real classifier, for example
/// <c>AddLlamaGuardClassifier(sp => guardChatClient)</c>, or any moderation service through <see cref="IHazardClassifier"/>.
/// </summary>
public sealed class DemoKeywordClassifier : IHazardClassifier
{
    private static readonly (string Keyword, Hazard Hazard)[] Rules =
    [
        ("vote for", Hazard.Elections),
        ("explicit", Hazard.SexualContent),
        ("slur", Hazard.Hate),
        ("dosage", Hazard.SpecializedAdvice),
        ("hurt myself", Hazard.SuicideAndSelfHarm),
    ];

    public ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hazards = Hazard.None;
        foreach (var (keyword, hazard) in Rules)
        {
            if (request.Text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                hazards |= hazard;
            }
        }

        return ValueTask.FromResult(hazards);
    }
}
