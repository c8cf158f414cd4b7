using System.Threading;
using System.Threading.Tasks;
namespace PolicyAsCode.Runtime;

// In the runtime, not the chat package: the engine decides on the hazards a classifier detects whatever the front end,
// and the policy builder registers the classifier.

/// <summary>
/// Detects the hazard categories a piece of content shows. Any classifier can be plugged in: a moderation API, Llama
/// Guard (<c>LlamaGuardClassifier</c> in PolicyAsCode.Extensions.AI), a local model, keyword rules. Return
/// <see cref="Hazard.None"/> for safe content. When the classifier cannot tell, return (or include)
/// <see cref="HazardClassification.Unclassifiable"/> so the policy refuses, failing closed; a classifier that throws is
/// treated the same way by the middleware.
/// </summary>
public interface IHazardClassifier
{
    /// <summary>The hazards <paramref name="request"/>'s text shows.</summary>
    ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken = default);
}
