using Microsoft.EntityFrameworkCore;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// The EF Core model of the feedback store: <c>policy_feedback</c> (one row per feedback event) and
/// <c>policy_learning_resets</c> (one row per undo). Its own context, so an application that never takes feedback
/// never gets its tables.
/// </summary>
/// <param name="options">The provider and connection (SQLite, PostgreSQL, ...).</param>
public sealed class FeedbackDbContext(DbContextOptions<FeedbackDbContext> options) : DbContext(options)
{
    /// <summary>The feedback table's name.</summary>
    public const string FeedbackTable = "policy_feedback";

    /// <summary>The undo table's name.</summary>
    public const string ResetsTable = "policy_learning_resets";

    /// <summary>Every feedback event, for every policy.</summary>
    public DbSet<FeedbackRecord> Feedback => Set<FeedbackRecord>();

    /// <summary>Every undo, for every policy.</summary>
    public DbSet<LearningResetRecord> Resets => Set<LearningResetRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        System.ArgumentNullException.ThrowIfNull(modelBuilder);
        var feedback = modelBuilder.Entity<FeedbackRecord>();
        feedback.ToTable(FeedbackTable);
        feedback.HasKey(r => new { r.Policy, r.Id });
        feedback.Property(r => r.Policy).HasColumnName("policy");
        feedback.Property(r => r.Id).HasColumnName("id");
        feedback.Property(r => r.UserId).HasColumnName("user_id");
        feedback.Property(r => r.AtMicroseconds).HasColumnName("at_us");
        feedback.Property(r => r.Nudges).HasColumnName("nudges");
        feedback.Property(r => r.Rating).HasColumnName("rating");
        feedback.Property(r => r.Reason).HasColumnName("reason");
        feedback.Property(r => r.DecisionId).HasColumnName("decision_id");
        feedback.Property(r => r.PolicyVersion).HasColumnName("policy_version");
        feedback.Property(r => r.Jurisdiction).HasColumnName("jurisdiction");
        feedback.Property(r => r.FactsKnown).HasColumnName("facts_known");
        feedback.Property(r => r.FactsHolding).HasColumnName("facts_holding");

        var reset = modelBuilder.Entity<LearningResetRecord>();
        reset.ToTable(ResetsTable);
        reset.HasKey(r => new { r.Policy, r.UserId, r.Dimension, r.AtMicroseconds });
        reset.Property(r => r.Policy).HasColumnName("policy");
        reset.Property(r => r.UserId).HasColumnName("user_id");
        reset.Property(r => r.Dimension).HasColumnName("dimension");
        reset.Property(r => r.AtMicroseconds).HasColumnName("at_us");
    }
}
