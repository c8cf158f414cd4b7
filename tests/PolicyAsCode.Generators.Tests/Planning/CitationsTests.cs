using PolicyAsCode.Generators.Planning;
using Xunit;

namespace PolicyAsCode.Generators.Tests.Planning;

/// <summary>Citation chains keep only the branches that can change the bound cited.</summary>
public sealed class CitationsTests
{
    private static readonly Test Eu = Test.Name("scope.EuLawApplies");
    private static readonly Test Us = Test.Name("scope.UsCaLawApplies");

    [Fact]
    public void A_branch_citing_the_fallback_bound_just_before_it_is_dropped()
    {
        // "if (strictest11 == granted) citation = 11; else citation = 11;" is one unconditional citation.
        var chain = Citations.Trim([new Citation(Test.Name("same"), 11), new Citation(Test.Always, 11)]);

        Assert.Equal([new Citation(Test.Always, 11)], chain);
        Assert.True(Citations.IsExhaustive(chain));
    }

    [Fact]
    public void A_branch_citing_another_bound_before_the_fallback_is_kept()
    {
        var chain = Citations.Trim([new Citation(Eu, 2), new Citation(Test.Always, 10)]);

        Assert.Equal([new Citation(Eu, 2), new Citation(Test.Always, 10)], chain);
    }

    [Fact]
    public void Branches_that_never_hold_repeat_a_test_or_follow_an_unconditional_one_are_dropped()
    {
        var chain = Citations.Trim(
        [
            new Citation(Test.Never, 1),
            new Citation(Eu, 2),
            new Citation(Eu, 3),
            new Citation(Test.Always, 4),
            new Citation(Us, 9),
        ]);

        Assert.Equal([new Citation(Eu, 2), new Citation(Test.Always, 4)], chain);
    }

    [Fact]
    public void A_chain_without_an_unconditional_branch_is_not_exhaustive()
    {
        var chain = Citations.Trim([new Citation(Eu, 2), new Citation(Us, 9)]);

        Assert.Equal(2, chain.Count);
        Assert.False(Citations.IsExhaustive(chain));
        Assert.Empty(Citations.Trim([new Citation(Test.Never, 1)]));
        Assert.False(Citations.IsExhaustive([]));
    }
}
