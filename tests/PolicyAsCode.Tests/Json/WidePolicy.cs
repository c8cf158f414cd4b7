using PolicyAsCode;

namespace PolicyAsCode.Json.Tests.Wide;

// More dimensions than one 64-bit word of "given" marks holds: the readers and Decode then span two words.
[ImmutableTier("WW")]
public partial record WideLaw
{
    [Between(0, 1000)]
    public int D0 { get; init; }

    [Between(0, 1000)]
    public int D69 { get; init; }
}

[UserTier(Within = [typeof(WideLaw)])]
public partial record WidePreferences
{
    public int D0 { get; init; } = 0;

    public int D1 { get; init; } = 1;

    public int D2 { get; init; } = 2;

    public int D3 { get; init; } = 3;

    public int D4 { get; init; } = 4;

    public int D5 { get; init; } = 5;

    public int D6 { get; init; } = 6;

    public int D7 { get; init; } = 7;

    public int D8 { get; init; } = 8;

    public int D9 { get; init; } = 9;

    public int D10 { get; init; } = 10;

    public int D11 { get; init; } = 11;

    public int D12 { get; init; } = 12;

    public int D13 { get; init; } = 13;

    public int D14 { get; init; } = 14;

    public int D15 { get; init; } = 15;

    public int D16 { get; init; } = 16;

    public int D17 { get; init; } = 17;

    public int D18 { get; init; } = 18;

    public int D19 { get; init; } = 19;

    public int D20 { get; init; } = 20;

    public int D21 { get; init; } = 21;

    public int D22 { get; init; } = 22;

    public int D23 { get; init; } = 23;

    public int D24 { get; init; } = 24;

    public int D25 { get; init; } = 25;

    public int D26 { get; init; } = 26;

    public int D27 { get; init; } = 27;

    public int D28 { get; init; } = 28;

    public int D29 { get; init; } = 29;

    public int D30 { get; init; } = 30;

    public int D31 { get; init; } = 31;

    public int D32 { get; init; } = 32;

    public int D33 { get; init; } = 33;

    public int D34 { get; init; } = 34;

    public int D35 { get; init; } = 35;

    public int D36 { get; init; } = 36;

    public int D37 { get; init; } = 37;

    public int D38 { get; init; } = 38;

    public int D39 { get; init; } = 39;

    public int D40 { get; init; } = 40;

    public int D41 { get; init; } = 41;

    public int D42 { get; init; } = 42;

    public int D43 { get; init; } = 43;

    public int D44 { get; init; } = 44;

    public int D45 { get; init; } = 45;

    public int D46 { get; init; } = 46;

    public int D47 { get; init; } = 47;

    public int D48 { get; init; } = 48;

    public int D49 { get; init; } = 49;

    public int D50 { get; init; } = 50;

    public int D51 { get; init; } = 51;

    public int D52 { get; init; } = 52;

    public int D53 { get; init; } = 53;

    public int D54 { get; init; } = 54;

    public int D55 { get; init; } = 55;

    public int D56 { get; init; } = 56;

    public int D57 { get; init; } = 57;

    public int D58 { get; init; } = 58;

    public int D59 { get; init; } = 59;

    public int D60 { get; init; } = 60;

    public int D61 { get; init; } = 61;

    public int D62 { get; init; } = 62;

    public int D63 { get; init; } = 63;

    public int D64 { get; init; } = 64;

    public int D65 { get; init; } = 65;

    public int D66 { get; init; } = 66;

    public int D67 { get; init; } = 67;

    public int D68 { get; init; } = 68;

    public int D69 { get; init; } = 69;
}
