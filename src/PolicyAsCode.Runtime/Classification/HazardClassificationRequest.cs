namespace PolicyAsCode.Runtime;

// In the runtime, not the chat package: the engine decides on the hazards a classifier detects whatever the front end,
// and the policy builder registers the classifier.

/// <summary>A piece of content to classify.</summary>
/// <param name="Text">The text to classify.</param>
/// <param name="Stage">Whether it is the user's input or the model's output.</param>
/// <param name="Prompt">For output: the user input it answers (classifiers such as Llama Guard judge an answer in its conversation).</param>
public sealed record HazardClassificationRequest(string Text, ContentStage Stage, string? Prompt = null);
