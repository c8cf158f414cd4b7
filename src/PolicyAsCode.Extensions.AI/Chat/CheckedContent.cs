using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>
/// The text a classifier must see in a piece of chat content, and a private copy of that content to pass on.
/// The middleware checks the copy's text and forwards or releases exactly that copy, so nothing the inner client (or
/// the caller) changes after handing content over can slip past the check. Content of a kind this class does not know
/// has no text it can check: it is reported as unclassifiable, which refuses the request or answer (fail closed).
/// Raw representations and annotations are opaque (a provider's raw chunk can carry text no content maps), so copies
/// never carry them; string-valued additional properties are part of the checked text (providers send some of them,
/// such as an assistant message's <c>Refusal</c>), other non-primitive values are dropped.
/// </summary>
internal sealed class CheckedContent
{
    private readonly StringBuilder _text = new();
    private Piece _last;

    // Streamed text and reasoning arrive in fragments that belong together ("Plan" "ts need"); any other piece is a
    // separate line, so words of two channels never run together.
    private enum Piece
    {
        Separate,
        Text,
        Reasoning,
    }

    /// <summary>Everything appended so far that a classifier must see, one piece a line.</summary>
    public StringBuilder Text => _text;

    /// <summary>Whether some content had no text that can be checked (an image, audio, an unknown content kind).</summary>
    public bool Unclassifiable { get; private set; }

    /// <summary>Appends a piece of text to check, on a line of its own (ignores empty pieces).</summary>
    public void Add(string? text) => Add(text, Piece.Separate);

    private void Add(string? text, Piece piece)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (_text.Length > 0 && (piece == Piece.Separate || piece != _last))
        {
            _text.Append('\n');
        }

        _text.Append(text);
        _last = piece;
    }

    /// <summary>A copy of <paramref name="message"/> whose text has been added to the check.</summary>
    public ChatMessage Copy(ChatMessage message)
    {
        _last = Piece.Separate; // a message's text never runs into the previous message's
        Add(message.AuthorName); // providers send it as the participant's name
        return new ChatMessage(message.Role, Copy(message.Contents))
        {
            AuthorName = message.AuthorName,
            MessageId = message.MessageId,
            CreatedAt = message.CreatedAt,
            AdditionalProperties = Copy(message.AdditionalProperties),
        };
    }

    /// <summary>A copy of <paramref name="update"/> whose text has been added to the check.</summary>
    public ChatResponseUpdate Copy(ChatResponseUpdate update) => new(update.Role, Copy(update.Contents))
    {
        AuthorName = Checked(update.AuthorName),
        MessageId = update.MessageId,
        ResponseId = update.ResponseId,
        ConversationId = update.ConversationId,
        ModelId = update.ModelId,
        CreatedAt = update.CreatedAt,
        FinishReason = update.FinishReason,
        AdditionalProperties = Copy(update.AdditionalProperties),
    };

    /// <summary>Copies of <paramref name="contents"/> whose text has been added to the check.</summary>
    public List<AIContent> Copy(IList<AIContent> contents)
    {
        var copies = new List<AIContent>(contents.Count);
        foreach (var content in contents)
        {
            if (Copy(content) is { } copy)
            {
                copies.Add(copy);
            }
        }

        return copies;
    }

    /// <summary>Copies the string and primitive values of a property bag, adding the strings to the check.</summary>
    public AdditionalPropertiesDictionary? Copy(AdditionalPropertiesDictionary? properties)
    {
        if (properties is null)
        {
            return null;
        }

        var copy = new AdditionalPropertiesDictionary();
        foreach (var (key, value) in properties)
        {
            switch (value)
            {
                case null:
                    copy[key] = null;
                    break;
                case string s:
                    Add(s);
                    copy[key] = s;
                    break;
                case JsonElement json:
                    Add(json.GetRawText());
                    copy[key] = json.Clone();
                    break;
                case IConvertible primitive: // numbers, booleans, enums, dates: no free text
                    copy[key] = primitive;
                    break;
                case PolicyRefusal: // the middleware's own marker (an inner policy client's refusal)
                    copy[key] = value;
                    break;

                    // Anything else could hold text the check cannot see: it is not passed on.
            }
        }

        return copy;
    }

    private string? Checked(string? text)
    {
        Add(text);
        return text;
    }

    private AIContent? Copy(AIContent content)
    {
        switch (content)
        {
            case TextContent text:
                Add(text.Text, Piece.Text);
                return new TextContent(text.Text) { AdditionalProperties = Copy(text.AdditionalProperties) };

            case TextReasoningContent reasoning:
                // ProtectedData is the provider's sealed reasoning, readable only by the model it goes back to.
                Add(reasoning.Text, Piece.Reasoning);
                return new TextReasoningContent(reasoning.Text) { ProtectedData = reasoning.ProtectedData, AdditionalProperties = Copy(reasoning.AdditionalProperties) };

            case FunctionCallContent call:
                return CopyCall(call);

            case FunctionResultContent result:
                return CopyResult(result);

            case ErrorContent error:
                return new ErrorContent(Checked(error.Message)) { ErrorCode = Checked(error.ErrorCode), Details = Checked(error.Details), AdditionalProperties = Copy(error.AdditionalProperties) };

            case UsageContent usage:
                var details = new UsageDetails();
                details.Add(usage.Details);
                return new UsageContent(details);

            case DataContent data when data.HasTopLevelMediaType("text"):
                Add(Encoding.UTF8.GetString(data.Data.Span));
                return new DataContent(data.Data.ToArray(), Checked(data.MediaType)!) { Name = Checked(data.Name), AdditionalProperties = Copy(data.AdditionalProperties) };

            default:
                // An image, audio, a file, a hosted tool's call: nothing here can be read as text, so nothing is passed.
                Unclassifiable = true;
                return null;
        }
    }

    private FunctionCallContent? CopyCall(FunctionCallContent call)
    {
        Add(call.Name);
        if (call.Arguments is null)
        {
            return new FunctionCallContent(call.CallId, call.Name) { Exception = call.Exception };
        }

        // The arguments are checked as the JSON a tool will be bound from, and the copy is parsed back from that JSON,
        // so the values that run are the values that were checked.
        try
        {
            var json = JsonSerializer.Serialize(call.Arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));
            Add(json);
            var arguments = (Dictionary<string, object?>?)JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(Dictionary<string, object?>)));
            return new FunctionCallContent(call.CallId, call.Name, arguments);
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            Unclassifiable = true;
            return null;
        }
    }

    private FunctionResultContent? CopyResult(FunctionResultContent result)
    {
        switch (result.Result)
        {
            case null:
                return new FunctionResultContent(result.CallId, null) { Exception = result.Exception };
            case string s:
                Add(s);
                return new FunctionResultContent(result.CallId, s) { Exception = result.Exception };
        }

        try
        {
            var json = JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
            Add(json);
            var value = (JsonElement)JsonSerializer.Deserialize(json, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonElement)))!;
            return new FunctionResultContent(result.CallId, value) { Exception = result.Exception };
        }
        catch (Exception exception) when (exception is NotSupportedException or JsonException or InvalidOperationException)
        {
            Unclassifiable = true;
            return null;
        }
    }
}
