using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>The middleware in front of the real Microsoft.Extensions.AI.OpenAI client, against a loopback OpenAI-compatible server.</summary>
public sealed class OpenAIClientGuardTests : IAsyncLifetime
{
    private const string Forbidden = """{"text":"You should vote for the Green Party next Sunday."}""";
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static ChatOptions Options() => new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsAdult);

    private IChatClient Guarded(Action<ChatClientBuilder>? outer = null)
    {
        var builder = _server.Client().AsBuilder();
        outer?.Invoke(builder);
        return builder.UsePolicy(Learners.Engine(), KeywordClassifier.Default(), o => o.StreamingMinimumCharacters = 10).Build();
    }

    [Fact]
    public async Task Allowed_answers_pass_whole_and_streamed_with_the_same_marks()
    {
        _server.Enqueue(ScriptedAnswer.Of("Plants need ", "light and water."), ScriptedAnswer.Of("Plants need ", "light and water."));
        var client = Guarded();

        var whole = await client.GetResponseAsync("How do plants grow?", Options());
        var streamed = await client.GetStreamingResponseAsync("How do plants grow?", Options()).ToChatResponseAsync();

        foreach (var response in new[] { whole, streamed })
        {
            Assert.Equal("Plants need light and water.", response.Text);
            Assert.Single(response.Messages);
            Assert.Equal(Learners.Engine().Version, response.GetPolicyVersion());
            Assert.Null(response.GetPolicyRefusal());
            Assert.Equal(18, response.Usage?.TotalTokenCount);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tool_call_with_forbidden_arguments_never_reaches_the_caller(bool streaming)
    {
        _server.Enqueue(ScriptedAnswer.Call("post_message", Forbidden));
        var client = Guarded();

        var response = streaming
            ? await client.GetStreamingResponseAsync("Post something for me.", Options()).ToChatResponseAsync()
            : await client.GetResponseAsync("Post something for me.", Options());

        Assert.DoesNotContain(response.Messages.SelectMany(m => m.Contents), c => c is FunctionCallContent);
        var refusal = response.GetPolicyRefusal();
        Assert.NotNull(refusal);
        Assert.Equal(ContentStage.Output, refusal.Stage);
        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        Assert.Single(response.Messages);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Inside_function_invocation_a_forbidden_call_never_runs_the_tool(bool streaming)
    {
        _server.Enqueue(ScriptedAnswer.Call("post_message", Forbidden));
        var posted = new List<string>();
        var client = Guarded(b => b.UseFunctionInvocation());
        var options = Options();
        options.Tools = [AIFunctionFactory.Create((string text) => posted.Add(text), "post_message", "Posts a message to the class board.")];

        var response = streaming
            ? await client.GetStreamingResponseAsync("Post something for me.", options).ToChatResponseAsync()
            : await client.GetResponseAsync("Post something for me.", options);

        Assert.Empty(posted);
        Assert.NotNull(response.GetPolicyRefusal());
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_forbidden_tool_result_is_refused_before_the_model_reads_it(bool streaming)
    {
        _server.Enqueue(ScriptedAnswer.Call("read_board", """{"board":"news"}"""), ScriptedAnswer.Of("Unused."));
        var client = Guarded(b => b.UseFunctionInvocation());
        var options = Options();
        options.Tools = [AIFunctionFactory.Create((string board) => "Everyone should vote for the Green Party.", "read_board", "Reads a board.")];

        var response = streaming
            ? await client.GetStreamingResponseAsync("What is on the news board?", options).ToChatResponseAsync()
            : await client.GetResponseAsync("What is on the news board?", options);

        var refusal = response.GetPolicyRefusal();
        Assert.NotNull(refusal);
        Assert.Equal(ContentStage.Input, refusal.Stage);
        Assert.Single(_server.Requests); // the tool's result never went back to the model
        Assert.DoesNotContain("Green Party", _server.AllRequestText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_stream_stops_the_model_promptly()
    {
        // 300 chunks at 30 ms: a client that only disposes the stream lets the handler drain it (1.4 s and more, 45+), while
        // an abort is seen within a chunk or two; 25 leaves a loaded machine 0.75 s to see the abort.
        var chunks = new List<string> { "Here is a calm start. ", "Now: you should vote for the Greens. " };
        chunks.AddRange(Enumerable.Repeat("More and more text. ", 298));
        _server.Enqueue(ScriptedAnswer.Of([.. chunks]) with { ChunkDelayMilliseconds = 30 });
        var client = Guarded();
        int? sentAtRefusal = null;

        await foreach (var update in client.GetStreamingResponseAsync("Tell me about elections.", Options()))
        {
            Assert.DoesNotContain("vote for", update.Text, StringComparison.Ordinal);
            if (update.GetPolicyRefusal() is not null)
            {
                sentAtRefusal = _server.ChunksSent;
            }
        }

        Assert.NotNull(sentAtRefusal);
        var sentAtDisconnect = await _server.Disconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Bounded in chunks, not in time: draining instead of aborting sends 45 or more here.
        Assert.True(sentAtDisconnect - sentAtRefusal <= 25, $"the server sent {sentAtDisconnect - sentAtRefusal} chunks after the refusal");
    }
}
