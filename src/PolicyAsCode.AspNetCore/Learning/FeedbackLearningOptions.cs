using System;
using PolicyAsCode.Learning;

namespace PolicyAsCode.AspNetCore;

/// <summary>How feedback is taken and learned from (<c>AddFeedbackLearning</c>).</summary>
public sealed class FeedbackLearningOptions
{
    /// <summary>
    /// The fact a request must establish (known and holding) for a free-text reason to be kept, and for the event to be
    /// exported for training. Fact.ConsentsToFeedbackTraining by default (bit 6).
    /// </summary>
    // serve: (Fact)(1 << 6) is Fact.ConsentsToFeedbackTraining; name it once learn's Fact.cs merges.
    public Fact ConsentFact { get; set; } = (Fact)(1 << 6);

    /// <summary>The learner; null (the default) uses a <see cref="StepLearner"/> with its default options.</summary>
    public IPreferenceLearner? Learner { get; set; }

    /// <summary>The longest free-text reason kept, in characters (2000); a longer one is refused with 422.</summary>
    public int MaxReasonLength { get; set; } = 2000;
}

/// <summary>The learning in force for a policy: the options and learner <c>AddFeedbackLearning</c> registered.</summary>
internal sealed class FeedbackLearning(FeedbackLearningOptions options, TimeProvider time)
{
    public FeedbackLearningOptions Options { get; } = options;

    public IPreferenceLearner Learner { get; } = options.Learner ?? new StepLearner();

    public TimeProvider Time { get; } = time;
}
