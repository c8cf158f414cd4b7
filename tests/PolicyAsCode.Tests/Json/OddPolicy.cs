using System;
using PolicyAsCode;

namespace PolicyAsCode.Json.Tests.Odd;

/// <summary>Names and members the QuickStart lacks: a composite flag, non-ASCII strings, a leading underscore and a non-ASCII property.</summary>
[Flags]
public enum Channels
{
    None = 0,
    Text = 1,
    Voice = 2,
    Both = 3,
    Video = 4,
}

public enum Level
{
    Low = -1,
    Mid = 5,
    High = 10,
}

[ImmutableTier("XX")]
public partial record OddLaw
{
    [AtMost(Level.Mid)]
    public Level Level { get; init; }

    [Between(-5, 5)]
    public int _Offset { get; init; }
}

[UserTier(Within = [typeof(OddLaw)])]
public partial record OddPreferences
{
    public Level Level { get; init; } = Level.Low;

    public int _Offset { get; init; }

    public Channels Channels { get; init; } = Channels.Text;

    [Allowed("é", "a\"b", "x y", "Ünïcödé", "E")]
    public string Größe { get; init; } = "é";

    public double Ratio { get; init; }

    [HigherIsStricter]
    public bool Safe { get; init; } = true;
}
