using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI.Tests.Support;

/// <summary>A stand-in for a model: answers with scripted text, in order, and records what it was sent.</summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<string> _answers;
    private readonly int _chunkSize;

    public ScriptedChatClient(int chunkSize = 8, params string[] answers)
    {
        _answers = new Queue<string>(answers);
        _chunkSize = chunkSize;
    }

    public ScriptedChatClient(params string[] answers)
        : this(8, answers)
    {
    }

    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    /// <summary>Streaming chunks the consumer pulled from this client, in order.</summary>
    public List<string> ChunksPulled { get; } = [];

    public bool StreamCompleted { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls.Add((messages.ToList(), options));
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Next())) { ResponseId = "scripted", ModelId = "scripted-model", FinishReason = ChatFinishReason.Stop });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Calls.Add((messages.ToList(), options));
        var answer = Next();
        for (var i = 0; i < answer.Length; i += _chunkSize)
        {
            // A model takes time for each chunk: a read waits, as it does on a connection, and stopping cancels it.
            await Task.Delay(1, cancellationToken);
            var chunk = answer.Substring(i, Math.Min(_chunkSize, answer.Length - i));
            ChunksPulled.Add(chunk);
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { ResponseId = "scripted", MessageId = "m1" };
        }

        yield return new ChatResponseUpdate { Role = ChatRole.Assistant, FinishReason = ChatFinishReason.Stop, ResponseId = "scripted", MessageId = "m1" };
        StreamCompleted = true;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private string Next() => _answers.Count > 0 ? _answers.Dequeue() : "I have nothing more to say.";
}

/// <summary>A test classifier: hazards by keyword, and a log of what it saw.</summary>
public sealed class KeywordClassifier : IHazardClassifier
{
    private readonly (string Keyword, Hazard Hazard)[] _rules;

    public KeywordClassifier(params (string Keyword, Hazard Hazard)[] rules) => _rules = rules;

    public List<HazardClassificationRequest> Seen { get; } = [];

    public Action<HazardClassificationRequest>? OnClassify { get; set; }

    public static KeywordClassifier Default() => new(
        ("vote for", Hazard.Elections),
        ("explicit", Hazard.SexualContent),
        ("hurt them", Hazard.ViolentCrimes),
        ("slur", Hazard.Hate),
        ("dosage", Hazard.SpecializedAdvice),
        ("self-harm", Hazard.SuicideAndSelfHarm),
        ("nerve agent", Hazard.IndiscriminateWeapons));

    public ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken = default)
    {
        lock (Seen)
        {
            Seen.Add(request);
        }

        OnClassify?.Invoke(request);
        var hazards = Hazard.None;
        foreach (var (keyword, hazard) in _rules)
        {
            if (request.Text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                hazards |= hazard;
            }
        }

        return ValueTask.FromResult(hazards);
    }
}
