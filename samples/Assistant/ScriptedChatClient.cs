using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Assistant;

/// <summary>
/// A STAND-IN FOR A MODEL: an in-process chat client that answers with scripted text chosen by keywords of the
/// last user message. It lets the sample run without a model; replace it with any real <see cref="IChatClient"/>
/// (OpenAI, Azure OpenAI, Ollama...) and nothing else in the sample changes.
/// </summary>
public sealed class ScriptedChatClient(IReadOnlyList<(string Keyword, string Answer)> script) : IChatClient
{
    /// <summary>The last system instructions the "model" received, to show what the middleware rendered.</summary>
    public string? LastInstructions { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer(messages))) { ModelId = "scripted" });

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var word in Answer(messages).Split(' '))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { ModelId = "scripted" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private string Answer(IEnumerable<ChatMessage> messages)
    {
        var last = string.Empty;
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                LastInstructions = message.Text;
            }
            else if (message.Role == ChatRole.User)
            {
                last = message.Text;
            }
        }

        foreach (var (keyword, answer) in script)
        {
            if (last.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return answer;
            }
        }

        return "I'm not sure, but let's find out together.";
    }
}
