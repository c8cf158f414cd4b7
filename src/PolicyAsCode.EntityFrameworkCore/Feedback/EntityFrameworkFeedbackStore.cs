using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using PolicyAsCode.AspNetCore;
using PolicyAsCode.Learning;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// Keeps users' feedback and undos in two tables through EF Core (SQLite, PostgreSQL). Rows are only ever added:
/// an undo is a new row, never a deletion of the feedback it undoes, so what caused a learned value stays
/// traceable. Safe as a singleton: each call takes its own context from the factory.
/// </summary>
public sealed class EntityFrameworkFeedbackStore : IFeedbackStore
{
    private readonly IDbContextFactory<FeedbackDbContext> _contexts;
    private readonly SchemaOnce _schema;

    /// <summary>Creates a store over the contexts <paramref name="contexts"/> makes (a pooled factory is best).</summary>
    /// <param name="contexts">Makes a context per call.</param>
    /// <param name="options">Whether to create the database and tables when missing; by default it does.</param>
    public EntityFrameworkFeedbackStore(IDbContextFactory<FeedbackDbContext> contexts, EntityFrameworkStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _contexts = contexts;
        _schema = new SchemaOnce((options ?? new EntityFrameworkStoreOptions()).CreateSchema, CreateSchemaAsync);
    }

    /// <inheritdoc />
    public async ValueTask AppendAsync(string policy, FeedbackEvent feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        StorableText.CheckKey(policy, feedback.UserId);
        ArgumentException.ThrowIfNullOrEmpty(feedback.Id, nameof(feedback));
        ArgumentNullException.ThrowIfNull(feedback.Nudges, nameof(feedback));
        foreach (var nudge in feedback.Nudges)
        {
            // Checked before encoding: JSON would carry a lone surrogate escaped, and it would read back broken.
            StorableText.Check(nudge.Dimension, nameof(feedback));
            if (nudge.Label is not null)
            {
                StorableText.Check(nudge.Label, nameof(feedback));
            }
        }

        var nudges = NudgesText.Write(feedback.Nudges);
        foreach (var text in new[] { feedback.Id, feedback.Reason, feedback.DecisionId, feedback.PolicyVersion, feedback.Jurisdiction })
        {
            if (text is not null)
            {
                StorableText.Check(text, nameof(feedback));
            }
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Feedback.Add(new FeedbackRecord
        {
            Policy = policy,
            Id = feedback.Id,
            UserId = feedback.UserId,
            AtMicroseconds = Microseconds(feedback.At),
            Nudges = nudges,
            Rating = feedback.Rating,
            Reason = feedback.Reason,
            DecisionId = feedback.DecisionId,
            PolicyVersion = feedback.PolicyVersion,
            Jurisdiction = feedback.Jurisdiction,
            FactsKnown = (long)feedback.FactsKnown,
            FactsHolding = (long)feedback.FactsHolding,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DuplicateKey.Is(e))
        {
            throw new InvalidOperationException($"A feedback event with the id '{feedback.Id}' is stored already; every event needs a new id.", e);
        }
    }

    /// <inheritdoc />
    public async ValueTask<FeedbackHistory> HistoryAsync(string policy, string userId, CancellationToken cancellationToken = default)
    {
        StorableText.CheckKey(policy, userId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Feedback.AsNoTracking()
            .Where(r => r.Policy == policy && r.UserId == userId)
            .OrderByDescending(r => r.AtMicroseconds).ThenByDescending(r => r.Id)
            .Take(IFeedbackStore.HistoryLimit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var resets = await db.Resets.AsNoTracking()
            .Where(r => r.Policy == policy && r.UserId == userId)
            .OrderBy(r => r.AtMicroseconds)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        rows.Reverse();
        return new FeedbackHistory(
            rows.Select(Event).ToList(),
            resets.Select(r => new LearningReset(r.Dimension, Time(r.AtMicroseconds))).ToList());
    }

    /// <inheritdoc />
    public async ValueTask ResetAsync(string policy, string userId, LearningReset reset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reset);
        StorableText.CheckKey(policy, userId);
        ArgumentException.ThrowIfNullOrEmpty(reset.Dimension, nameof(reset));
        StorableText.Check(reset.Dimension, nameof(reset));
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Resets.Add(new LearningResetRecord { Policy = policy, UserId = userId, Dimension = reset.Dimension, AtMicroseconds = Microseconds(reset.At) });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DuplicateKey.Is(e))
        {
            // The same undo, at the same microsecond, is stored already: the outcome asked for.
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FeedbackEvent> ConsentedAsync(string policy, Fact consent, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(policy);
        if (consent == Fact.None)
        {
            // No fact is no consent: an empty condition would hold for every event.
            throw new ArgumentException("Name the fact that records consent (for example Fact.ConsentsToFeedbackTraining).", nameof(consent));
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var bits = (long)consent;
        var rows = db.Feedback.AsNoTracking()
            .Where(r => r.Policy == policy && (r.FactsKnown & bits) == bits && (r.FactsHolding & bits) == bits)
            .OrderBy(r => r.AtMicroseconds).ThenBy(r => r.Id)
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Event(row);
        }
    }

    private static FeedbackEvent Event(FeedbackRecord r) => new(
        r.Id, r.UserId, Time(r.AtMicroseconds), NudgesText.Read(r.Nudges), r.Rating, r.Reason, r.DecisionId, r.PolicyVersion,
        r.Jurisdiction, (Fact)r.FactsKnown, (Fact)r.FactsHolding);

    private static long Microseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static DateTimeOffset Time(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    private async Task CreateSchemaAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
        await FeedbackSchema.CreateAsync(db, CancellationToken.None).ConfigureAwait(false);
    }
}
