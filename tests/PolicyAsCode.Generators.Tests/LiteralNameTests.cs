using PolicyAsCode.Generators.Emitting;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>Generated code names facts and ranks (issue 15's readable output): casts only for what no member names.</summary>
public class LiteralNameTests
{
    [Theory]
    [InlineData(0u, "global::PolicyAsCode.Fact.None")]
    [InlineData(1u, "global::PolicyAsCode.Fact.Minor")]
    [InlineData(1u | 8u, "global::PolicyAsCode.Fact.Minor | global::PolicyAsCode.Fact.RolePlay")]
    [InlineData((1u << 16) | (1u << 10), "global::PolicyAsCode.Fact.Custom1 | (global::PolicyAsCode.Fact)0x400U")]
    public void Facts_are_written_by_name(uint bits, string expected) => Assert.Equal(expected, Literals.Fact(bits));

    [Theory]
    [InlineData(1, "global::PolicyAsCode.TierRank.Immutable")]
    [InlineData(2, "global::PolicyAsCode.TierRank.Organisation")]
    [InlineData(3, "global::PolicyAsCode.TierRank.User")]
    [InlineData(7, "(global::PolicyAsCode.TierRank)7")]
    public void Ranks_are_written_by_name(int rank, string expected) => Assert.Equal(expected, Literals.Rank(rank));
}
