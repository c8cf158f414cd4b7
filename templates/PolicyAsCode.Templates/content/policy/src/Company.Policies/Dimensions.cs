namespace Company.Policies;

/// <summary>How mature the content may be; lower is stricter.</summary>
public enum Maturity
{
    General = 0,
    Teen = 1,
    Mature = 2,
}

/// <summary>The assistant's tone, from the most reserved.</summary>
public enum Tone
{
    Neutral = 0,
    Friendly = 1,
    Playful = 2,
    Sarcastic = 3,
}

/// <summary>How long answers are.</summary>
public enum Verbosity
{
    Concise = 0,
    Balanced = 1,
    Detailed = 2,
}
