namespace PolicyAsCode.Runtime;

// In the runtime, not the chat package: the engine decides on the hazards a classifier detects whatever the front end,
// and the policy builder registers the classifier.

/// <summary>Hazard values classifiers use beyond the taxonomy.</summary>
public static class HazardClassification
{
    /// <summary>
    /// The content could not be classified (a malformed classifier answer, a classifier failure). The bit lies outside
    /// every policy's known hazards, so every decision refuses it with <see cref="DecisionCause.UnknownHazard"/>.
    /// </summary>
    public const Hazard Unclassifiable = (Hazard)(1UL << 63);
}
