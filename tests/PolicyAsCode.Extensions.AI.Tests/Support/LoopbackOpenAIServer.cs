using System;
using System.ClientModel;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace PolicyAsCode.Extensions.AI.Tests.Support;

/// <summary>One scripted answer of the loopback server: text deltas, then tool calls, streamed or whole.</summary>
public sealed record ScriptedAnswer(IReadOnlyList<string> Text, IReadOnlyList<(string Name, string Arguments)> ToolCalls)
{
    public static ScriptedAnswer Of(params string[] text) => new(text, []);

    public static ScriptedAnswer Call(string name, string arguments) => new([], [(name, arguments)]);

    /// <summary>Streaming: the pause between chunks (0: none).</summary>
    public int ChunkDelayMilliseconds { get; init; }
}

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (a free port) serving /v1/chat/completions, whole and as server-sent
/// events, from scripted answers; it records the requests it got, the chunks it sent and when the client went away.
/// </summary>
public sealed class LoopbackOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedAnswer> _answers = new();
    private int _chunksSent;

    private LoopbackOpenAIServer(WebApplication app) => _app = app;

    public List<JsonNode> Requests { get; } = [];

    /// <summary>Chunks of the current stream written and flushed so far.</summary>
    public int ChunksSent => Volatile.Read(ref _chunksSent);

    /// <summary>Completes with the number of chunks sent when the server saw the client abort a stream.</summary>
    public TaskCompletionSource<int> Disconnected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<LoopbackOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.First() + "/v1");
        return server;
    }

    public void Enqueue(params ScriptedAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>The real M.E.AI OpenAI client, with its default transport, pointed at this server.</summary>
    public IChatClient Client() =>
        new OpenAIClient(new ApiKeyCredential("test-key"), new OpenAIClientOptions { Endpoint = Endpoint }).GetChatClient("loopback-model").AsIChatClient();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!;
        lock (Requests)
        {
            Requests.Add(request);
        }

        var answer = _answers.TryDequeue(out var next) ? next : ScriptedAnswer.Of("Nothing more.");
        if (request["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(context, answer);
            return;
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = answer.Text.Count > 0 ? string.Concat(answer.Text) : null };
        if (answer.ToolCalls.Count > 0)
        {
            message["tool_calls"] = ToolCalls(answer, withIndex: false);
        }

        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "loopback-model",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = answer.ToolCalls.Count > 0 ? "tool_calls" : "stop" }),
            ["usage"] = Usage(),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(completion.ToJsonString());
    }

    private async Task StreamAsync(HttpContext context, ScriptedAnswer answer)
    {
        Volatile.Write(ref _chunksSent, 0);
        context.Response.ContentType = "text/event-stream";
        var aborted = context.RequestAborted;
        try
        {
            foreach (var text in answer.Text)
            {
                await SendAsync(context, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = text }, null), aborted);
                if (answer.ChunkDelayMilliseconds > 0)
                {
                    await Task.Delay(answer.ChunkDelayMilliseconds, aborted);
                }
            }

            if (answer.ToolCalls.Count > 0)
            {
                await SendAsync(context, Chunk(new JsonObject { ["role"] = "assistant", ["tool_calls"] = ToolCalls(answer, withIndex: true) }, null), aborted);
            }

            await SendAsync(context, Chunk(new JsonObject(), answer.ToolCalls.Count > 0 ? "tool_calls" : "stop"), aborted);
            var usage = new JsonObject { ["id"] = "chatcmpl-loopback", ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = "loopback-model", ["choices"] = new JsonArray(), ["usage"] = Usage() };
            await SendAsync(context, usage, aborted);
            await context.Response.WriteAsync("data: [DONE]\n\n", aborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
        {
            Disconnected.TrySetResult(ChunksSent);
        }
    }

    private async Task SendAsync(HttpContext context, JsonObject chunk, CancellationToken aborted)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", Encoding.UTF8, aborted);
        await context.Response.Body.FlushAsync(aborted);
        Interlocked.Increment(ref _chunksSent);
    }

    private static JsonObject Chunk(JsonObject delta, string? finishReason) => new()
    {
        ["id"] = "chatcmpl-loopback",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = "loopback-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static JsonArray ToolCalls(ScriptedAnswer answer, bool withIndex)
    {
        var calls = new JsonArray();
        for (var i = 0; i < answer.ToolCalls.Count; i++)
        {
            var call = new JsonObject
            {
                ["id"] = $"call_{i}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = answer.ToolCalls[i].Name, ["arguments"] = answer.ToolCalls[i].Arguments },
            };
            if (withIndex)
            {
                call["index"] = i;
            }

            calls.Add(call);
        }

        return calls;
    }

    private static JsonObject Usage() => new() { ["prompt_tokens"] = 11, ["completion_tokens"] = 7, ["total_tokens"] = 18 };

    /// <summary>Every message the server was sent, as JSON text, for asserting what reached the model.</summary>
    public string AllRequestText()
    {
        lock (Requests)
        {
            return string.Join("\n", Requests.Select(r => r.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        }
    }
}
