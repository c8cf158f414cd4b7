using System;
using System.Threading;
using System.Threading.Tasks;
namespace PolicyAsCode.Runtime;

// In the runtime, not the chat package: the engine decides on the hazards a classifier detects whatever the front end,
// and the policy builder registers the classifier.

/// <summary>A piece of content to classify.</summary>
/// <param name="Text">The text to classify.</param>
/// <param name="Stage">Whether it is the user's input or the model's output.</param>
/// <param name="Prompt">For output: the user input it answers (classifiers such as Llama Guard judge an answer in its conversation).</param>
public sealed record HazardClassificationRequest(string Text, ContentStage Stage, string? Prompt = null);

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

/// <summary>Hazard values classifiers use beyond the taxonomy.</summary>
public static class HazardClassification
{
    /// <summary>
    /// The content could not be classified (a malformed classifier answer, a classifier failure). The bit lies outside
    /// every policy's known hazards, so every decision refuses it with <see cref="DecisionCause.UnknownHazard"/>.
    /// </summary>
    public const Hazard Unclassifiable = (Hazard)(1UL << 63);
}

/// <summary>A classifier from a function, to plug in any classification service in one line.</summary>
public sealed class DelegateHazardClassifier(Func<HazardClassificationRequest, CancellationToken, ValueTask<Hazard>> classify) : IHazardClassifier
{
    private readonly Func<HazardClassificationRequest, CancellationToken, ValueTask<Hazard>> _classify = classify ?? throw new ArgumentNullException(nameof(classify));

    /// <inheritdoc/>
    public ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken = default) => _classify(request, cancellationToken);
}
