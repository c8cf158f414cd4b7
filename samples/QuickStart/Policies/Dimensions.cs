using System;

namespace QuickStart.Policies;

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

/// <summary>Topics the assistant may discuss on its own initiative; fewer is stricter.</summary>
[Flags]
public enum Topics
{
    None = 0,
    Science = 1,
    History = 2,
    Health = 4,
    Finance = 8,
    Politics = 16,
    Romance = 32,
}
