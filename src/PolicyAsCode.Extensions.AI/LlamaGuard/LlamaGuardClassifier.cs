using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI.LlamaGuard;

/// <summary>
/// A hazard classifier backed by a Llama Guard 3 model behind any <see cref="IChatClient"/>: it asks the model about the
/// user's message (input) or the assistant's answer in its conversation (output), and parses the answer with
/// <see cref="LlamaGuardOutputParser"/>. A malformed answer is unclassifiable, which the policy refuses (fail closed).
/// </summary>
public sealed class LlamaGuardClassifier : IHazardClassifier
{
    /// <summary>Llama Guard 3's 14 categories, as its prompt lists them.</summary>
    public static readonly IReadOnlyList<string> Categories =
    [
        "S1: Violent Crimes.", "S2: Non-Violent Crimes.", "S3: Sex Crimes.", "S4: Child Exploitation.", "S5: Defamation.",
        "S6: Specialized Advice.", "S7: Privacy.", "S8: Intellectual Property.", "S9: Indiscriminate Weapons.", "S10: Hate.",
        "S11: Self-Harm.", "S12: Sexual Content.", "S13: Elections.", "S14: Code Interpreter Abuse.",
    ];

    private readonly IChatClient _guard;
    private readonly LlamaGuardOptions _options;

    /// <summary>Classifies with the Llama Guard model served by <paramref name="guard"/>.</summary>
    public LlamaGuardClassifier(IChatClient guard, LlamaGuardOptions? options = null)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
        _options = options ?? new LlamaGuardOptions();
    }

    /// <inheritdoc/>
    public async ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = BuildMessages(request);
        var options = new ChatOptions { Temperature = 0f, MaxOutputTokens = 32, ModelId = _options.ModelId };
        var response = await _guard.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return LlamaGuardOutputParser.Parse(response.Text, _options.CustomCategories).Hazards;
    }

    /// <summary>The messages sent to the model for <paramref name="request"/>.</summary>
    public IList<ChatMessage> BuildMessages(HazardClassificationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_options.PromptMode == LlamaGuardPromptMode.Conversation)
        {
            return request.Stage == ContentStage.Input
                ? [new ChatMessage(ChatRole.User, request.Text)]
                : [new ChatMessage(ChatRole.User, request.Prompt ?? string.Empty), new ChatMessage(ChatRole.Assistant, request.Text)];
        }

        return [new ChatMessage(ChatRole.User, TaskPrompt(request, _options.CustomCategories))];
    }

    /// <summary>Llama Guard 3's task prompt for <paramref name="request"/>, without the model's special tokens.</summary>
    public static string TaskPrompt(HazardClassificationRequest request, IReadOnlyList<HazardInfo>? customCategories = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var role = request.Stage == ContentStage.Input ? "User" : "Agent";
        var b = new StringBuilder();
        b.Append("Task: Check if there is unsafe content in '").Append(role).Append("' messages in conversations according our safety policy with the below categories.\n\n");
        b.Append("<BEGIN UNSAFE CONTENT CATEGORIES>\n");
        foreach (var category in Categories)
        {
            b.Append(category).Append('\n');
        }

        foreach (var custom in customCategories ?? [])
        {
            b.Append(custom.Code).Append(": ").Append(custom.Description.TrimEnd('.')).Append(".\n");
        }

        b.Append("<END UNSAFE CONTENT CATEGORIES>\n\n<BEGIN CONVERSATION>\n\n");
        if (request.Stage == ContentStage.Input)
        {
            b.Append("User: ").Append(request.Text).Append("\n\n");
        }
        else
        {
            b.Append("User: ").Append(request.Prompt ?? string.Empty).Append("\n\n");
            b.Append("Agent: ").Append(request.Text).Append("\n\n");
        }

        b.Append("<END CONVERSATION>\n\n");
        b.Append("Provide your safety assessment for ONLY THE LAST ").Append(role).Append(" message in the above conversation:\n");
        b.Append(" - First line must read 'safe' or 'unsafe'.\n");
        b.Append(" - If unsafe, a second line must include a comma-separated list of violated categories.");
        return b.ToString();
    }
}
