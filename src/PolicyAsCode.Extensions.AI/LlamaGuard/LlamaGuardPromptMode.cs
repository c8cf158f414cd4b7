namespace PolicyAsCode.Extensions.AI.LlamaGuard;

/// <summary>How the classifier talks to the Llama Guard model.</summary>
public enum LlamaGuardPromptMode
{
    /// <summary>
    /// Send the conversation as chat messages (a user message; for output, the user message and the assistant's answer)
    /// and let the server apply Llama Guard's own chat template. This is how Llama Guard is usually served (Ollama's
    /// <c>llama-guard3</c>, vLLM or TGI with the model's template).
    /// </summary>
    Conversation,

    /// <summary>
    /// Send Llama Guard 3's whole task prompt (categories, conversation, instructions) as one user message, for servers
    /// that do not apply its template, or to add the policy's custom categories.
    /// </summary>
    TaskPrompt,
}
