using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.AI;
using PolicyAsCode.Extensions.AI;

namespace WebAssistant;

/// <summary>A message to the assistant.</summary>
public sealed record ChatRequest(string? Message);

/// <summary>The assistant's answer, or the refusal that replaced it.</summary>
/// <param name="Text">What the user sees: the answer, or the refusal's message.</param>
/// <param name="Refusal">Who refused and why; null when the answer was allowed.</param>
/// <param name="DecisionId">The id of the policy decision that served the answer, which feedback on it names.</param>
/// <param name="PolicyVersion">The policy version that served it.</param>
public sealed record ChatReply(string Text, ChatRefusal? Refusal, string? DecisionId, string? PolicyVersion);

/// <summary>A refusal as the chat page shows it.</summary>
/// <param name="Stage">"input" (the question was refused) or "output" (the answer was).</param>
/// <param name="Tier">The tier that refused, as a reader names it ("law of EU"); null when the content could not be checked.</param>
/// <param name="Reason">The refusing rule's reason, if it gives one.</param>
/// <param name="Explanation">The decision in one sentence (Decision.Explain).</param>
/// <param name="PolicyVersion">The policy version that refused.</param>
public sealed record ChatRefusal(string Stage, string? Tier, string? Reason, string Explanation, string PolicyVersion);

/// <summary>POST /api/chat: one question through the policy's chat middleware.</summary>
public static class ChatEndpoints
{
    /// <summary>The scripted model's answers, by keyword (the Assistant sample's script).</summary>
    public static IReadOnlyList<(string Keyword, string Answer)> Script { get; } =
    [
        ("plants", "Plants make their food by photosynthesis. Light, water and air become sugar in the leaves."),
        ("joke", "Here is a joke with a slur in it, which the assistant must not pass on."),
        ("headache", "Rest in a quiet, dark room and drink a large glass of water. Then take this dosage of a strong painkiller every two hours."),
        ("story", "Once upon a time a curious fox explored the forest at night."),
    ];

    public static IEndpointRouteBuilder MapChat(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/chat", AskAsync);
        return app;
    }

    private static async Task<IResult> AskAsync(ChatRequest request, IChatClient chat, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Message) || request.Message.Length > 2000)
        {
            return Results.BadRequest("Send a message of 1 to 2000 characters.");
        }

        // The middleware finds the signed-in user's preferences and context itself (AddAspNetCore's accessor).
        var response = await chat.GetResponseAsync(request.Message, cancellationToken: cancellationToken);
        var refusal = response.GetPolicyRefusal();
        return Results.Ok(new ChatReply(
            refusal?.Message ?? response.Text,
            refusal is null ? null : new ChatRefusal(
                refusal.Stage.ToString().ToLowerInvariant(),
                refusal.Tier?.ToString(),
                refusal.Decision.Rule?.Reason,
                refusal.Decision.Explain(QuickStart.Policies.LearnerPreferences.Registry),
                refusal.PolicyVersion),
            response.GetDecisionId(),
            response.GetPolicyVersion()));
    }
}
