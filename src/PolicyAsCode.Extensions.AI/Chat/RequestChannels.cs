using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>
/// Everything a request sends to the model, and where the policy's instructions go in it. Every channel is classified
/// as input: every message of every role anywhere in the conversation (earlier turns, assistant prefills, tool calls,
/// tool results, caller system messages, custom roles) with its author name and string properties,
/// <see cref="ChatOptions.Instructions"/>, and the names and descriptions of the tools offered. Parts that cannot be
/// read as text (images, audio, files, unknown kinds) make the input unclassifiable, so it is refused.
/// </summary>
internal static class RequestChannels
{
    private static readonly ChatRole Developer = new("developer");

    /// <summary>The messages to send (copies of the caller's, so what is sent is what was checked) and the check of the whole request.</summary>
    public static (List<ChatMessage> Messages, CheckedContent Check) Copy(IList<ChatMessage> messages, ChatOptions? options)
    {
        var check = new CheckedContent();
        check.Add(options?.Instructions);
        if (options?.Tools is { } tools)
        {
            foreach (var tool in tools)
            {
                check.Add(tool.Name);
                check.Add(tool.Description);
            }
        }

        var copies = new List<ChatMessage>(messages.Count + 1);
        foreach (var message in messages)
        {
            copies.Add(check.Copy(message));
        }

        return (copies, check);
    }

    /// <summary>
    /// Where the policy's system message goes: right after the caller's last system (or developer) message, so the
    /// policy's instructions are the last word on how to behave; first when the caller sent none.
    /// </summary>
    public static int InstructionIndex(IList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (IsInstruction(messages[i].Role))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>Whether the caller sent instructions of its own as messages.</summary>
    public static bool HasInstructionMessages(IList<ChatMessage> messages) => InstructionIndex(messages) > 0;

    /// <summary>The user's text, as the prompt an output is judged against (classifiers such as Llama Guard judge an answer in its conversation).</summary>
    public static string UserTurn(IList<ChatMessage> messages)
    {
        // The user's turn: every user message after the last assistant message.
        var start = 0;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.Assistant)
            {
                start = i + 1;
                break;
            }
        }

        var turn = new CheckedContent();
        for (var i = start; i < messages.Count; i++)
        {
            if (messages[i].Role == ChatRole.User)
            {
                turn.Add(messages[i].Text);
            }
        }

        return turn.Text.ToString();
    }

    private static bool IsInstruction(ChatRole role) => role == ChatRole.System || role == Developer;
}
