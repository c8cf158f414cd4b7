using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI;

/// <summary>Where the rendered instructions go.</summary>
public enum InstructionPlacement
{
    /// <summary>A system message placed before the conversation (every chat client understands it).</summary>
    SystemMessage,

    /// <summary><see cref="ChatOptions.Instructions"/>, before any instructions the caller set.</summary>
    ChatOptionsInstructions,

    /// <summary>No instructions are sent.</summary>
    None,
}

/// <summary>Options of <see cref="PolicyChatClient{TPreferences}"/>.</summary>
public sealed class PolicyChatClientOptions
{
    /// <summary>The key of <see cref="ChatResponse.AdditionalProperties"/> (and of the refusal update's) holding the <see cref="PolicyRefusal"/>.</summary>
    public const string RefusalKey = "policyascode.refusal";

    /// <summary>The key of <see cref="ChatResponse.AdditionalProperties"/> holding the policy version that served the request.</summary>
    public const string PolicyVersionKey = "policyascode.policy.version";

    /// <summary>Where the rendered instructions go (a system message by default).</summary>
    public InstructionPlacement InstructionPlacement { get; set; } = InstructionPlacement.SystemMessage;

    /// <summary>Whether the user's input is classified before it reaches the model (on by default).</summary>
    public bool ClassifyInput { get; set; } = true;

    /// <summary>Whether the model's output is classified before it reaches the user (on by default).</summary>
    public bool ClassifyOutput { get; set; } = true;

    /// <summary>
    /// Streaming: text is held back until it reaches a sentence boundary (<c>.</c>, <c>!</c>, <c>?</c>, a line break)
    /// with at least this many characters held, then the whole answer so far is classified and, if allowed, the held
    /// updates are released. Default 40.
    /// </summary>
    public int StreamingMinimumCharacters { get; set; } = 40;

    /// <summary>Streaming: held text is classified and released once it reaches this many characters, even without a sentence boundary. Default 400.</summary>
    public int StreamingMaximumCharacters { get; set; } = 400;
}

/// <summary>
/// Chat middleware that keeps a model within a policy. For each request it
/// <list type="number">
/// <item>takes the policy snapshot in force (one per request, so an overlay swap never mixes two policies),</item>
/// <item>resolves the user's preferences from the <see cref="IPreferencesAccessor{TPreferences}"/>,</item>
/// <item>classifies the user's input and refuses it, without calling the model, if the policy forbids a hazard it shows,</item>
/// <item>renders the resolution into system instructions,</item>
/// <item>classifies the model's output (for streaming: in segments, before releasing them) and replaces it with a refusal if forbidden,</item>
/// <item>records every resolution and decision as metrics, an activity and a decision-log entry.</item>
/// </list>
/// A refusal is an assistant message naming the tier that refused, with <see cref="ChatFinishReason.ContentFilter"/> and
/// the <see cref="PolicyRefusal"/> under <see cref="PolicyChatClientOptions.RefusalKey"/>. A classifier that fails refuses (fail closed).
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicyChatClient<TPreferences> : DelegatingChatClient
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    private readonly PolicyEngine<TPreferences> _engine;
    private readonly IHazardClassifier _classifier;
    private readonly IPreferencesAccessor<TPreferences> _accessor;
    private readonly IInstructionRenderer<TPreferences> _renderer;
    private readonly IRefusalMessageRenderer _refusals;
    private readonly PolicyTelemetry? _telemetry;
    private readonly PolicyDecisionLogger? _log;
    private readonly PolicyChatClientOptions _options;

    /// <summary>Wraps <paramref name="innerClient"/>; only the engine and the classifier are required.</summary>
    public PolicyChatClient(
        IChatClient innerClient,
        PolicyEngine<TPreferences> engine,
        IHazardClassifier classifier,
        IPreferencesAccessor<TPreferences>? accessor = null,
        IInstructionRenderer<TPreferences>? renderer = null,
        IRefusalMessageRenderer? refusals = null,
        PolicyTelemetry? telemetry = null,
        PolicyDecisionLogger? log = null,
        PolicyChatClientOptions? options = null)
        : base(innerClient)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _classifier = classifier ?? throw new ArgumentNullException(nameof(classifier));
        _accessor = accessor ?? new DefaultPreferencesAccessor<TPreferences>();
        _renderer = renderer ?? new DefaultInstructionRenderer<TPreferences>();
        _refusals = refusals ?? new DefaultRefusalMessageRenderer();
        _telemetry = telemetry;
        _log = log;
        _options = options ?? new PolicyChatClientOptions();
        if (_options.StreamingMinimumCharacters < 0 || _options.StreamingMaximumCharacters < 1)
        {
            throw new ArgumentException("Streaming segment sizes must be positive.", nameof(options));
        }
    }

    /// <summary>The engine whose snapshots this client evaluates on.</summary>
    public PolicyEngine<TPreferences> Engine => _engine;

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var activity = PolicyTelemetry.ActivitySource.StartActivity("policyascode.chat");
        var turn = await BeginAsync(messages, options, activity, cancellationToken).ConfigureAwait(false);
        if (turn.InputRefusal is { } refused)
        {
            return RefusalResponse(refused, null);
        }

        var response = await base.GetResponseAsync(turn.Messages, turn.Options, cancellationToken).ConfigureAwait(false);
        if (_options.ClassifyOutput && response.Text.Length > 0)
        {
            var refusal = await CheckAsync(turn, response.Text, ContentStage.Output, activity, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return RefusalResponse(refusal, response);
            }
        }

        (response.AdditionalProperties ??= [])[PolicyChatClientOptions.PolicyVersionKey] = turn.Snapshot.Version;
        return response;
    }

    /// <inheritdoc/>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var activity = PolicyTelemetry.ActivitySource.StartActivity("policyascode.chat.stream");
        var turn = await BeginAsync(messages, options, activity, cancellationToken).ConfigureAwait(false);
        if (turn.InputRefusal is { } refused)
        {
            yield return RefusalUpdate(refused, null);
            yield break;
        }

        if (!_options.ClassifyOutput)
        {
            await foreach (var update in base.GetStreamingResponseAsync(turn.Messages, turn.Options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        // Hold updates back until the text held reaches a sentence boundary (with a minimum length) or the maximum
        // length; then classify the whole answer so far and release the held updates only if it is allowed.
        var held = new List<ChatResponseUpdate>();
        var heldCharacters = 0;
        var boundary = false;
        var answer = new StringBuilder();
        ChatResponseUpdate? last = null;
        await foreach (var update in base.GetStreamingResponseAsync(turn.Messages, turn.Options, cancellationToken).ConfigureAwait(false))
        {
            held.Add(update);
            last = update;
            var text = update.Text;
            if (text.Length > 0)
            {
                answer.Append(text);
                heldCharacters += text.Length;
                boundary |= EndsSentence(text);
            }

            if (heldCharacters >= _options.StreamingMaximumCharacters || (boundary && heldCharacters >= _options.StreamingMinimumCharacters))
            {
                var refusal = await CheckAsync(turn, answer.ToString(), ContentStage.Output, activity, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    yield return RefusalUpdate(refusal, last);
                    yield break;
                }

                foreach (var released in held)
                {
                    yield return released;
                }

                held.Clear();
                heldCharacters = 0;
                boundary = false;
            }
        }

        if (held.Count > 0)
        {
            if (heldCharacters > 0)
            {
                var refusal = await CheckAsync(turn, answer.ToString(), ContentStage.Output, activity, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    yield return RefusalUpdate(refusal, last);
                    yield break;
                }
            }

            foreach (var released in held)
            {
                yield return released;
            }
        }
    }

    private async Task<Turn> BeginAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, Activity? activity, CancellationToken cancellationToken)
    {
        var snapshot = _engine.Current;
        var list = messages as IList<ChatMessage> ?? [.. messages];
        var request = await _accessor.GetAsync(list, options, cancellationToken).ConfigureAwait(false);
        var resolution = snapshot.Resolve(request.Preferences, request.Context, request.Unreadable);
        _telemetry?.RecordResolution(snapshot.Registry, in resolution);
        if (activity is not null)
        {
            activity.SetTag(PolicyTelemetry.PolicyNameTag, snapshot.Registry.Name);
            activity.SetTag(PolicyTelemetry.PolicyVersionTag, snapshot.Version);
            activity.SetTag(PolicyTelemetry.JurisdictionTag, PolicyTelemetry.JurisdictionName(snapshot.Registry, resolution.Jurisdiction));
            activity.SetTag(PolicyTelemetry.JurisdictionWithinTag, PolicyTelemetry.JurisdictionWithin(snapshot.Registry, resolution.Jurisdiction));
            activity.SetTag("policyascode.adjustments", resolution.Adjustments.Count);
            activity.SetTag(PolicyTelemetry.VerdictTag, "allow");
        }

        var input = UserInput(list);
        var turn = new Turn(snapshot, request, resolution, input, list, options);
        if (_options.ClassifyInput && input.Length > 0)
        {
            var refusal = await CheckAsync(turn, input, ContentStage.Input, activity, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return turn with { InputRefusal = refusal };
            }
        }

        var instructions = _options.InstructionPlacement == InstructionPlacement.None ? null : _renderer.Render(snapshot, in resolution, request.Context);
        if (string.IsNullOrWhiteSpace(instructions))
        {
            return turn;
        }

        if (_options.InstructionPlacement == InstructionPlacement.ChatOptionsInstructions)
        {
            var withInstructions = options?.Clone() ?? new ChatOptions();
            withInstructions.Instructions = string.IsNullOrWhiteSpace(withInstructions.Instructions) ? instructions : instructions + "\n\n" + withInstructions.Instructions;
            return turn with { Options = withInstructions };
        }

        var prefixed = new List<ChatMessage>(list.Count + 1) { new(ChatRole.System, instructions) };
        prefixed.AddRange(list);
        return turn with { Messages = prefixed };
    }

    // Classifies, decides on the request's snapshot and records; returns the refusal, or null when allowed.
    private async Task<PolicyRefusal?> CheckAsync(Turn turn, string text, ContentStage stage, Activity? activity, CancellationToken cancellationToken)
    {
        var hazards = await ClassifyAsync(new HazardClassificationRequest(text, stage, stage == ContentStage.Output ? turn.Input : null), cancellationToken).ConfigureAwait(false);
        var resolution = turn.Resolution;
        var decision = turn.Snapshot.Decide(in resolution, hazards);
        _telemetry?.RecordDecision(turn.Snapshot.Registry, in decision, stage, resolution.Jurisdiction);
        _log?.LogDecision(turn.Snapshot, in resolution, in decision, stage, text);
        if (activity is not null)
        {
            var tags = new ActivityTagsCollection
            {
                [PolicyTelemetry.StageTag] = PolicyTelemetry.StageName(stage),
                [PolicyTelemetry.VerdictTag] = decision.IsAllowed ? "allow" : "refuse",
                [PolicyTelemetry.CauseTag] = PolicyTelemetry.CauseName(decision.Cause),
                [PolicyTelemetry.TierRankTag] = PolicyTelemetry.RankName(decision.Tier),
                [PolicyTelemetry.TierNameTag] = PolicyTelemetry.TierName(decision.Tier),
                [PolicyTelemetry.TierWithinTag] = PolicyTelemetry.TierWithin(decision.Tier),
                [PolicyTelemetry.HazardTag] = string.Join(",", PolicyTelemetry.HazardCodes(turn.Snapshot.Registry, decision.IsAllowed ? hazards : decision.Hazards)),
            };
            activity.AddEvent(new ActivityEvent("policyascode.decision", tags: tags));
            if (!decision.IsAllowed)
            {
                activity.SetTag(PolicyTelemetry.VerdictTag, "refuse");
                activity.SetTag(PolicyTelemetry.StageTag, PolicyTelemetry.StageName(stage));
                activity.SetTag(PolicyTelemetry.TierRankTag, PolicyTelemetry.RankName(decision.Tier));
                activity.SetTag(PolicyTelemetry.TierNameTag, PolicyTelemetry.TierName(decision.Tier));
                activity.SetTag(PolicyTelemetry.TierWithinTag, PolicyTelemetry.TierWithin(decision.Tier));
                activity.SetTag(PolicyTelemetry.HazardTag, string.Join(",", PolicyTelemetry.HazardCodes(turn.Snapshot.Registry, decision.Hazards)));
            }
        }

        if (decision.IsAllowed)
        {
            return null;
        }

        var message = _refusals.Render(stage, in decision, turn.Snapshot.Registry);
        return new PolicyRefusal(stage, decision, message, turn.Snapshot.Version);
    }

    private async ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var hazards = await _classifier.ClassifyAsync(request, cancellationToken).ConfigureAwait(false);
            _telemetry?.RecordClassification(Stopwatch.GetElapsedTime(started), request.Stage, succeeded: true);
            return hazards;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A classifier failure of any kind must refuse the content (fail closed), never pass it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _telemetry?.RecordClassification(Stopwatch.GetElapsedTime(started), request.Stage, succeeded: false);
            _log?.LogClassifierFailure(exception, request.Stage);
            return HazardClassification.Unclassifiable;
        }
    }

    private static ChatResponse RefusalResponse(PolicyRefusal refusal, ChatResponse? original)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, refusal.Message))
        {
            FinishReason = ChatFinishReason.ContentFilter,
            ResponseId = original?.ResponseId,
            ConversationId = original?.ConversationId,
            ModelId = original?.ModelId,
            CreatedAt = original?.CreatedAt ?? DateTimeOffset.UtcNow,
            Usage = original?.Usage,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                [PolicyChatClientOptions.RefusalKey] = refusal,
                [PolicyChatClientOptions.PolicyVersionKey] = refusal.PolicyVersion,
            },
        };
        return response;
    }

    private static ChatResponseUpdate RefusalUpdate(PolicyRefusal refusal, ChatResponseUpdate? last) => new(ChatRole.Assistant, refusal.Message)
    {
        FinishReason = ChatFinishReason.ContentFilter,
        ResponseId = last?.ResponseId,
        ConversationId = last?.ConversationId,
        ModelId = last?.ModelId,
        MessageId = "policyascode-refusal",
        CreatedAt = DateTimeOffset.UtcNow,
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            [PolicyChatClientOptions.RefusalKey] = refusal,
            [PolicyChatClientOptions.PolicyVersionKey] = refusal.PolicyVersion,
        },
    };

    // The user's turn: every user message after the last assistant message.
    private static string UserInput(IList<ChatMessage> messages)
    {
        var start = 0;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.Assistant)
            {
                start = i + 1;
                break;
            }
        }

        var b = new StringBuilder();
        for (var i = start; i < messages.Count; i++)
        {
            if (messages[i].Role == ChatRole.User)
            {
                var text = messages[i].Text;
                if (text.Length > 0)
                {
                    if (b.Length > 0)
                    {
                        b.Append('\n');
                    }

                    b.Append(text);
                }
            }
        }

        return b.ToString();
    }

    private static bool EndsSentence(string text)
    {
        foreach (var c in text)
        {
            if (c is '.' or '!' or '?' or '\n' or '。' or '！' or '？')
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Turn(
        PolicySnapshot<TPreferences> Snapshot,
        PolicyRequest<TPreferences> Request,
        Resolution<TPreferences> Resolution,
        string Input,
        IEnumerable<ChatMessage> Messages,
        ChatOptions? Options)
    {
        public PolicyRefusal? InputRefusal { get; init; }
    }
}
