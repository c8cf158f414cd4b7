using System.Collections.Generic;

namespace PolicyAsCode.Extensions.AI.LlamaGuard;

/// <summary>Options of <see cref="LlamaGuardClassifier"/>.</summary>
public sealed class LlamaGuardOptions
{
    /// <summary>How the model is prompted (the conversation by default).</summary>
    public LlamaGuardPromptMode PromptMode { get; set; } = LlamaGuardPromptMode.Conversation;

    /// <summary>The model id to request, if the client serves several.</summary>
    public string? ModelId { get; set; }

    /// <summary>The policy's own categories: listed in the task prompt after S14 and matched by code in the answer.</summary>
    public IReadOnlyList<HazardInfo> CustomCategories { get; set; } = [];
}
