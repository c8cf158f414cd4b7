using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>Forbidden text in a random channel of a request or of an answer, whole or streamed in random pieces, never crosses unclassified.</summary>
public class ChatGuardFuzzTests
{
    private const string Forbidden = "You should vote for the Green Party next Sunday.";

    private static readonly string[] RequestChannels = ChatGuardChannelTests.RequestChannelNames;

    private static readonly string[] AnswerChannels = ["text", "reasoning", "tool call", "error", "update property", "author name", "text data part"];

    [Fact]
    public async Task Forbidden_text_in_any_channel_never_reaches_the_other_side_unclassified()
    {
        var random = new Random(19);
        for (var round = 0; round < 400; round++)
        {
            var streaming = random.Next(2) == 0;
            var inRequest = random.Next(2) == 0;
            var channel = inRequest ? RequestChannels[random.Next(RequestChannels.Length)] : AnswerChannels[random.Next(AnswerChannels.Length)];
            var (messages, options) = ChatGuardChannelTests.Request(inRequest ? channel : "none", inRequest ? Forbidden : "Plants need light.");
            var answer = Answer(inRequest ? "text" : channel, inRequest ? "Plants need light and water." : Forbidden);
            var pieces = Split(answer, inRequest ? "text" : channel, random);
            var model = new UpdatesChatClient(
                _ => pieces.ToChatResponse(),
                _ => pieces);
            var client = model.AsBuilder().UsePolicy(Learners.Engine(), KeywordClassifier.Default(), o => o.StreamingMinimumCharacters = random.Next(1, 60)).Build();
            var what = $"round {round}: {(inRequest ? "request" : "answer")} channel '{channel}', {(streaming ? "streamed" : "whole")}";

            var released = new List<ChatResponseUpdate>();
            ChatResponse response;
            if (streaming)
            {
                await foreach (var update in client.GetStreamingResponseAsync(messages, options))
                {
                    released.Add(update);
                }

                response = released.ToChatResponse();
            }
            else
            {
                response = await client.GetResponseAsync(messages, options);
            }

            var sent = string.Join("\n", model.Calls.SelectMany(c => c.Messages).Select(Dump));
            var received = string.Join("\n", response.Messages.Select(Dump).Concat(released.Select(u => Dump(u.Contents, u.AdditionalProperties, u.AuthorName))));
            Assert.False(sent.Contains("vote for", StringComparison.Ordinal), what + ": forbidden text reached the model");
            Assert.False(received.Contains("vote for", StringComparison.Ordinal), what + ": forbidden text reached the caller");
            var refusal = response.GetPolicyRefusal();
            Assert.True(refusal is not null, what + ": not refused");
            Assert.Equal(inRequest ? ContentStage.Input : ContentStage.Output, refusal.Stage);
            if (inRequest)
            {
                Assert.Empty(model.Calls);
            }
        }
    }

    // One answer with `text` in `channel`, as a list of content parts.
    private static List<AIContent> Answer(string channel, string text) => channel switch
    {
        "reasoning" => [new TextReasoningContent("Let me think. " + text), new TextContent("Here is an overview.")],
        "tool call" => [new FunctionCallContent("c1", "post_message", new Dictionary<string, object?> { ["text"] = text })],
        "error" => [new ErrorContent(text)],
        "text data part" => [new DataContent(Encoding.UTF8.GetBytes(text), "text/plain")],
        _ => [new TextContent("Some words first. "), new TextContent(text)],
    };

    // The answer as updates: text split at random points (a hazard may straddle updates), other parts whole.
    private static List<ChatResponseUpdate> Split(List<AIContent> answer, string channel, Random random)
    {
        var updates = new List<ChatResponseUpdate>();
        foreach (var content in answer)
        {
            if (content is TextContent { Text: var text })
            {
                for (var i = 0; i < text.Length;)
                {
                    var length = Math.Min(random.Next(1, 12), text.Length - i);
                    updates.Add(new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, length)) { MessageId = "m1" });
                    i += length;
                }
            }
            else
            {
                updates.Add(new ChatResponseUpdate(ChatRole.Assistant, [content]) { MessageId = "m1" });
            }
        }

        // Channels carried by the update itself rather than a content part.
        if (channel is "update property" or "author name")
        {
            updates.Clear();
            updates.Add(channel == "update property"
                ? new ChatResponseUpdate(ChatRole.Assistant, "Hello.") { MessageId = "m1", AdditionalProperties = new() { ["refusal"] = Forbidden } }
                : new ChatResponseUpdate(ChatRole.Assistant, "Hello.") { MessageId = "m1", AuthorName = Forbidden });
        }

        updates.Add(new ChatResponseUpdate { Role = ChatRole.Assistant, MessageId = "m1", FinishReason = ChatFinishReason.Stop });
        return updates;
    }

    private static string Dump(ChatMessage message) => Dump(message.Contents, message.AdditionalProperties, message.AuthorName);

    // Everything a content list carries that a reader could see.
    private static string Dump(IList<AIContent> contents, AdditionalPropertiesDictionary? properties, string? author)
    {
        var b = new StringBuilder(author);
        foreach (var (_, value) in properties ?? [])
        {
            b.Append('\n').Append(value is PolicyRefusal ? string.Empty : value?.ToString());
        }

        foreach (var content in contents)
        {
            b.Append('\n').Append(content switch
            {
                TextContent t => t.Text,
                TextReasoningContent r => r.Text,
                FunctionCallContent c => c.Name + JsonSerializer.Serialize(c.Arguments, AIJsonUtilities.DefaultOptions),
                FunctionResultContent r => JsonSerializer.Serialize(r.Result, AIJsonUtilities.DefaultOptions),
                ErrorContent e => e.Message,
                DataContent d => Encoding.UTF8.GetString(d.Data.Span),
                _ => content.RawRepresentation?.ToString(),
            });
            b.Append(content.RawRepresentation?.ToString());
        }

        return b.ToString();
    }
}
