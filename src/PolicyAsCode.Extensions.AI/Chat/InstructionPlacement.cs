using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>Where the rendered instructions go.</summary>
public enum InstructionPlacement
{
    /// <summary>A system message placed before the conversation (every chat client understands it).</summary>
    SystemMessage,

    /// <summary><see cref="ChatOptions.Instructions"/>, after any instructions the caller set (a system message when the caller sent system messages of its own).</summary>
    ChatOptionsInstructions,

    /// <summary>No instructions are sent.</summary>
    None,
}
