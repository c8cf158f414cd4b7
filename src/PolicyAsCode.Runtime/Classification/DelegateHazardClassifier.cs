using System;
using System.Threading;
using System.Threading.Tasks;
namespace PolicyAsCode.Runtime;

// In the runtime, not the chat package: the engine decides on the hazards a classifier detects whatever the front end,
// and the policy builder registers the classifier.

/// <summary>A classifier from a function, to plug in any classification service in one line.</summary>
public sealed class DelegateHazardClassifier(Func<HazardClassificationRequest, CancellationToken, ValueTask<Hazard>> classify) : IHazardClassifier
{
    private readonly Func<HazardClassificationRequest, CancellationToken, ValueTask<Hazard>> _classify = classify ?? throw new ArgumentNullException(nameof(classify));

    /// <inheritdoc/>
    public ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken = default) => _classify(request, cancellationToken);
}
