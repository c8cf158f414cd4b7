using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI.Tests.Support;

/// <summary>
/// A stand-in for a model that answers with given messages (whole) or given updates (streamed), and records what it
/// was sent. <see cref="AfterYield"/> runs after each update was handed over, to play an inner client that changes
/// what it already yielded.
/// </summary>
public sealed class UpdatesChatClient(Func<IList<ChatMessage>, ChatResponse> whole, Func<IList<ChatMessage>, IEnumerable<ChatResponseUpdate>> streamed) : IChatClient
{
    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public Action<ChatResponseUpdate>? AfterYield { get; set; }

    public static UpdatesChatClient Answering(params AIContent[] contents) => new(
        _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, [.. contents])) { ResponseId = "r1", Usage = new UsageDetails { TotalTokenCount = 5 } },
        _ => contents.Select(c => new ChatResponseUpdate(ChatRole.Assistant, [c]) { MessageId = "m1", ResponseId = "r1" })
            .Append(new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { TotalTokenCount = 5 })]) { MessageId = "m1", ResponseId = "r1" }));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add((list, options));
        return Task.FromResult(whole(list));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add((list, options));
        foreach (var update in streamed(list))
        {
            await Task.Yield();
            yield return update;
            AfterYield?.Invoke(update);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
