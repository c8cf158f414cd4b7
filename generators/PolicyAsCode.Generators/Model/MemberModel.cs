namespace PolicyAsCode.Generators.Model;

/// <summary>A member of an enum or string dimension: its name (or string) and its underlying value.</summary>
internal sealed record MemberModel(string Name, long Value);
