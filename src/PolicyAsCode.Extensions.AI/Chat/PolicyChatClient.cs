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

/// <summary>
/// Chat middleware that keeps a model within a policy. For each request it
/// <list type="number">
/// <item>takes the policy snapshot in force (one per request, so an overlay swap never mixes two policies),</item>
/// <item>resolves the user's preferences from the <see cref="IPreferencesAccessor{TPreferences}"/>,</item>
/// <item>classifies everything the request sends (every message of every role, tool calls and results, instructions) and refuses it, without calling the model, if the policy forbids a hazard it shows,</item>
/// <item>renders the resolution into system instructions that come after the caller's own,</item>
/// <item>classifies the model's output, reasoning and tool calls included (for streaming: in segments, before releasing them), releases exactly the copy it checked, and replaces it with a refusal if forbidden,</item>
/// <item>records every resolution and decision as metrics, an activity and a decision-log entry, and, when a
/// <see cref="PolicyDecisionRecorder"/> is given, as decision records (one resolution record per request, one decision record per check).</item>
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
    private readonly IPolicyObserver<TPreferences>? _observer;
    private readonly PolicyDecisionRecorder? _recorder;

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
        PolicyChatClientOptions? options = null,
        IPolicyObserver<TPreferences>? observer = null,
        PolicyDecisionRecorder? recorder = null)
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
        _observer = observer;
        _recorder = recorder;
        if (_options.StreamingMinimumCharacters < 0 || _options.StreamingMaximumCharacters < 1)
        {
            throw new ArgumentException("Streaming segment sizes must be positive.", nameof(options));
        }

        // Fail closed: in front of function invocation, tools would run on calls the policy sees only afterwards.
        if (innerClient.GetService(typeof(FunctionInvokingChatClient)) is not null)
        {
            throw new InvalidOperationException(
                "The policy middleware must sit inside function invocation: build the pipeline as UseFunctionInvocation().UsePolicy<T>(), " +
                "so every tool call is checked before it runs and every tool result before the model reads it.");
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
            return RefusalResponse(refused, null, turn.DecisionId);
        }

        var response = await base.GetResponseAsync(turn.Messages, turn.Options, cancellationToken).ConfigureAwait(false);
        if (!_options.ClassifyOutput)
        {
            return Marked(response, turn.Snapshot.Version, turn.DecisionId);
        }

        // Every message of the answer is checked (text, reasoning, tool calls, ...), and what is returned is the
        // checked copy: an answer of tool calls alone is checked like any other.
        var check = new CheckedContent();
        var checkedMessages = new List<ChatMessage>(response.Messages.Count);
        foreach (var message in response.Messages)
        {
            checkedMessages.Add(check.Copy(message));
        }

        var properties = check.Copy(response.AdditionalProperties);
        if (check.Text.Length > 0 || check.Unclassifiable)
        {
            var refusal = await CheckAsync(turn, check, ContentStage.Output, activity, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return RefusalResponse(refusal, response, turn.DecisionId);
            }
        }

        var released = new ChatResponse(checkedMessages)
        {
            ResponseId = response.ResponseId,
            ConversationId = response.ConversationId,
            ModelId = response.ModelId,
            CreatedAt = response.CreatedAt,
            FinishReason = response.FinishReason,
            Usage = Copy(response.Usage),
            AdditionalProperties = properties,
        };
        return Marked(released, turn.Snapshot.Version, turn.DecisionId);
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
            yield return RefusalUpdate(refused, null, [], turn.DecisionId);
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

        // Each update is copied as it arrives and the copy is what is checked and released. Copies are held until the
        // text held reaches a sentence boundary (with a minimum length) or the maximum length, or until something that
        // cannot be read as text arrives; then the whole answer so far is classified and the held copies are released
        // only if it is allowed. The upstream has its own cancellation, so a refusal can abort its connection.
        using var upstream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var updates = base.GetStreamingResponseAsync(turn.Messages, turn.Options, upstream.Token).GetAsyncEnumerator(upstream.Token);
        var finished = false;
        try
        {
            var held = new List<ChatResponseUpdate>();
            var answer = new CheckedContent();
            var checkedLength = 0;
            var boundary = false;
            ChatResponseUpdate? last = null;
            while (await updates.MoveNextAsync().ConfigureAwait(false))
            {
                var before = answer.Text.Length;
                last = answer.Copy(updates.Current);
                held.Add(last);
                boundary |= EndsSentence(answer.Text, before);
                var heldCharacters = answer.Text.Length - checkedLength;
                if (answer.Unclassifiable || heldCharacters >= _options.StreamingMaximumCharacters || (boundary && heldCharacters >= _options.StreamingMinimumCharacters))
                {
                    var refusal = await CheckAsync(turn, answer, ContentStage.Output, activity, cancellationToken).ConfigureAwait(false);
                    if (refusal is not null)
                    {
                        finished = true;
                        await UpstreamStop.StopAsync(updates, upstream).ConfigureAwait(false);
                        yield return RefusalUpdate(refusal, last, held, turn.DecisionId);
                        yield break;
                    }

                    foreach (var released in held)
                    {
                        yield return released;
                    }

                    held.Clear();
                    checkedLength = answer.Text.Length;
                    boundary = false;
                }
            }

            finished = true;
            if (answer.Text.Length > checkedLength)
            {
                var refusal = await CheckAsync(turn, answer, ContentStage.Output, activity, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    yield return RefusalUpdate(refusal, last, held, turn.DecisionId);
                    yield break;
                }
            }

            foreach (var released in held)
            {
                yield return released;
            }

            // An allowed stream is marked like an allowed whole answer; the mark joins the answer's message.
            yield return new ChatResponseUpdate
            {
                Role = last?.Role ?? ChatRole.Assistant,
                MessageId = last?.MessageId,
                ResponseId = last?.ResponseId,
                ConversationId = last?.ConversationId,
                ModelId = last?.ModelId,
                AdditionalProperties = new()
                {
                    [PolicyChatClientOptions.PolicyVersionKey] = turn.Snapshot.Version,
                    [PolicyChatClientOptions.DecisionIdKey] = turn.DecisionId,
                },
            };
        }
        finally
        {
            if (!finished)
            {
                // The caller stopped reading, or the upstream failed: stop the model all the same.
                await UpstreamStop.StopAsync(updates, upstream).ConfigureAwait(false);
            }

            await updates.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<Turn> BeginAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, Activity? activity, CancellationToken cancellationToken)
    {
        var snapshot = _engine.Current;
        var list = messages as IList<ChatMessage> ?? [.. messages];
        var request = await _accessor.GetAsync(list, options, cancellationToken).ConfigureAwait(false);
        var resolution = snapshot.Resolve(request.Preferences, request.Context, request.Unreadable);
        _telemetry?.RecordResolution(snapshot.Registry, in resolution);
        _observer?.OnResolution(snapshot, request.Preferences, request.Unreadable, request.Context, in resolution);
        var record = _recorder?.RecordResolution(snapshot, request.Context, request.Preferences, request.Unreadable, in resolution);
        if (activity is not null)
        {
            activity.SetTag(PolicyTelemetry.PolicyNameTag, snapshot.Registry.Name);
            activity.SetTag(PolicyTelemetry.PolicyVersionTag, snapshot.Version);
            activity.SetTag(PolicyTelemetry.JurisdictionTag, PolicyTelemetry.JurisdictionName(snapshot.Registry, resolution.Jurisdiction));
            activity.SetTag(PolicyTelemetry.JurisdictionWithinTag, PolicyTelemetry.JurisdictionWithin(snapshot.Registry, resolution.Jurisdiction));
            activity.SetTag("policyascode.adjustments", resolution.AdjustedDimensions.Count);
            activity.SetTag(PolicyTelemetry.VerdictTag, "allow");
        }

        // The id feedback on the answer refers to: the resolution record's when recording, else a new id of the same form.
        var turn = new Turn(snapshot, request, resolution, RequestChannels.UserTurn(list), list, options)
        {
            Record = record,
            DecisionId = record?.Id ?? PolicyAsCode.Records.DecisionRecords.NewId(DateTimeOffset.UtcNow),
        };
        if (_options.ClassifyInput)
        {
            // The whole request is checked, and the model gets the checked copy of it.
            var (copies, check) = RequestChannels.Copy(list, options);
            turn = turn with { Messages = copies };
            if (check.Text.Length > 0 || check.Unclassifiable)
            {
                var refusal = await CheckAsync(turn, check, ContentStage.Input, activity, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return turn with { InputRefusal = refusal };
                }
            }
        }

        var instructions = _options.InstructionPlacement == InstructionPlacement.None ? null : _renderer.Render(snapshot, in resolution, request.Context);
        if (string.IsNullOrWhiteSpace(instructions))
        {
            return turn;
        }

        // The policy's instructions come after the caller's, so they take precedence: after the caller's
        // ChatOptions.Instructions, and after the caller's last system message (which a provider sends after
        // ChatOptions.Instructions, so a request with system messages of its own gets the policy's as a message).
        var sent = turn.Messages as IList<ChatMessage> ?? [.. turn.Messages];
        if (_options.InstructionPlacement == InstructionPlacement.ChatOptionsInstructions && !RequestChannels.HasInstructionMessages(sent))
        {
            var withInstructions = options?.Clone() ?? new ChatOptions();
            withInstructions.Instructions = string.IsNullOrWhiteSpace(withInstructions.Instructions) ? instructions : withInstructions.Instructions + "\n\n" + instructions;
            return turn with { Options = withInstructions };
        }

        var placed = new List<ChatMessage>(sent.Count + 1);
        placed.AddRange(sent);
        placed.Insert(RequestChannels.InstructionIndex(sent), new ChatMessage(ChatRole.System, instructions));
        return turn with { Messages = placed };
    }

    // Classifies, decides on the request's snapshot and records; returns the refusal, or null when allowed.
    private async Task<PolicyRefusal?> CheckAsync(Turn turn, CheckedContent content, ContentStage stage, Activity? activity, CancellationToken cancellationToken)
    {
        // Content that cannot be read as text is refused without asking the classifier: it could not see it either.
        var text = content.Text.ToString();
        var hazards = content.Unclassifiable
            ? HazardClassification.Unclassifiable
            : await ClassifyAsync(new HazardClassificationRequest(text, stage, stage == ContentStage.Output ? turn.Input : null), cancellationToken).ConfigureAwait(false);
        var resolution = turn.Resolution;
        var decision = turn.Snapshot.Decide(in resolution, hazards);
        _telemetry?.RecordDecision(turn.Snapshot.Registry, in decision, stage, resolution.Jurisdiction);
        _log?.LogDecision(turn.Snapshot, in resolution, in decision, stage, text);
        _observer?.OnDecision(turn.Snapshot, in resolution, in decision, stage);
        _recorder?.RecordDecision(turn.Snapshot, turn.Record, in decision, stage, hazards, text);
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

    // A refusal in place of a whole answer: one message, marked on the response and on the message (as a streamed
    // refusal is once ToChatResponse() puts its last update's properties on the message), with the answer's usage.
    private static ChatResponse RefusalResponse(PolicyRefusal refusal, ChatResponse? original, string decisionId) => new(new ChatMessage(ChatRole.Assistant, refusal.Message)
    {
        MessageId = original?.Messages.Count > 0 ? original.Messages[^1].MessageId : null,
        AdditionalProperties = Marks(refusal, decisionId),
    })
    {
        FinishReason = ChatFinishReason.ContentFilter,
        ResponseId = original?.ResponseId,
        ConversationId = original?.ConversationId,
        ModelId = original?.ModelId,
        CreatedAt = original?.CreatedAt ?? DateTimeOffset.UtcNow,
        Usage = Copy(original?.Usage),
        AdditionalProperties = Marks(refusal, decisionId),
    };

    // A refusal in place of the rest of a stream. It joins the message already streamed (so the streamed answer is one
    // message) and carries the usage the dropped updates reported.
    private static ChatResponseUpdate RefusalUpdate(PolicyRefusal refusal, ChatResponseUpdate? last, List<ChatResponseUpdate> dropped, string decisionId)
    {
        var update = new ChatResponseUpdate(ChatRole.Assistant, refusal.Message)
        {
            FinishReason = ChatFinishReason.ContentFilter,
            ResponseId = last?.ResponseId,
            ConversationId = last?.ConversationId,
            ModelId = last?.ModelId,
            MessageId = last?.MessageId ?? "policyascode-refusal",
            CreatedAt = DateTimeOffset.UtcNow,
            AdditionalProperties = Marks(refusal, decisionId),
        };
        foreach (var held in dropped)
        {
            foreach (var content in held.Contents)
            {
                if (content is UsageContent usage)
                {
                    update.Contents.Add(usage);
                }
            }
        }

        return update;
    }

    private static AdditionalPropertiesDictionary Marks(PolicyRefusal refusal, string decisionId) => new()
    {
        [PolicyChatClientOptions.RefusalKey] = refusal,
        [PolicyChatClientOptions.PolicyVersionKey] = refusal.PolicyVersion,
        [PolicyChatClientOptions.DecisionIdKey] = decisionId,
    };

    private static ChatResponse Marked(ChatResponse response, string version, string decisionId)
    {
        (response.AdditionalProperties ??= [])[PolicyChatClientOptions.PolicyVersionKey] = version;
        response.AdditionalProperties[PolicyChatClientOptions.DecisionIdKey] = decisionId;
        if (response.Messages.Count > 0)
        {
            var marks = response.Messages[^1].AdditionalProperties ??= [];
            marks[PolicyChatClientOptions.PolicyVersionKey] = version;
            marks[PolicyChatClientOptions.DecisionIdKey] = decisionId;
        }

        return response;
    }

    private static UsageDetails? Copy(UsageDetails? usage)
    {
        if (usage is null)
        {
            return null;
        }

        var copy = new UsageDetails();
        copy.Add(usage);
        return copy;
    }

    // Whether the text added since `from` ends a sentence (or starts a new piece, such as reasoning after text).
    private static bool EndsSentence(StringBuilder text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or '\n' or '。' or '！' or '？')
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

        // The record of the request's resolution, which every decision record of the request repeats; null when not recording.
        public PolicyAsCode.Records.DecisionRecord? Record { get; init; }

        // The id the answer is marked with (PolicyChatClientOptions.DecisionIdKey): Record's id when there is one.
        public string DecisionId { get; init; } = "";
    }
}
