using System;
using System.Linq;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// An ordinal enum whose members reach its underlying type's greatest value (a byte enum with 255, an int enum
/// with int.MaxValue, a long enum with both long.MinValue and long.MaxValue) still decodes an out-of-domain value
/// to an undefined one, which resolves fail-closed. The generator once used "greatest member + 1", which wraps
/// around when cast (256 on a byte is 0) onto a defined member, so an unreadable value was read as that member.
/// </summary>
public sealed class FullRangeEnumTests
{
    private const string Source = """
        using PolicyAsCode;

        namespace Regression.FullRange
        {
            public enum Bytes : byte { Low = 0, Mid = 7, Max = 255 }
            public enum SBytes : sbyte { Min = -128, Zero = 0, Max = 127 }
            public enum Ints { Zero = 0, Max = int.MaxValue }
            public enum Longs : long { Min = long.MinValue, Zero = 0, Max = long.MaxValue }
            public enum ULongs : ulong { Zero = 0, Top = ulong.MaxValue }

            [ImmutableTier("EU")]
            public partial record Law
            {
                [AtLeast(Bytes.Mid)]
                public Bytes B { get; init; }
            }

            [UserTier(Within = [typeof(Law)])]
            public partial record Prefs
            {
                [HigherIsStricter]
                public Bytes B { get; init; } = Bytes.Max;

                public SBytes S { get; init; }

                public Ints I { get; init; }

                public Longs L { get; init; }

                public ULongs U { get; init; }
            }
        }
        """;

    [Fact]
    public void Out_of_domain_values_of_full_range_enums_decode_to_undefined_values_and_fail_closed()
    {
        using var compiled = PolicyCompiler.Compile("FullRange", [("FullRange.cs", Source)]);
        Assert.True(compiled.Errors.IsEmpty, string.Join("\n", compiled.Errors));
        compiled.Check(typeof(FullRangeEnumTests), nameof(Check), "Regression.FullRange.Prefs");
    }

    private static void Check<T>()
        where T : class, IUserTierPolicy<T>
    {
        var registry = T.Registry;
        Assert.Equal(["B", "S", "I", "L", "U"], registry.Dimensions.Select(d => d.Name).ToArray());
        Differential.CheckDecodeKeepsOutOfDomainValuesOut<T>(registry);

        var context = PolicyContext.In("EU");
        for (var d = 0; d < registry.Dimensions.Length; d++)
        {
            var values = T.Encode(T.Defaults(context));
            values[d] = DimensionInfo.OutsideMembers;
            var requested = T.Decode(values);
            Assert.False(registry.Dimensions[d].InDomain(T.Encode(requested)[d]), $"{registry.Dimensions[d].Name} decoded into its domain");

            var resolution = T.Resolve(requested, context, DimensionSet.Empty);
            var adjustment = Assert.Single(resolution.Adjustments, a => a.Dimension.Index == d);
            Assert.Equal(AdjustmentCause.FailedClosed, adjustment.Cause);

            // The strictest value: B is higher-is-stricter within AtLeast(Mid), the others lowest-first.
            var expected = d == 0 ? DimensionValue.OfPosition(2) : DimensionValue.OfPosition(0);
            Assert.Equal(expected, T.Encode(resolution.Effective)[d]);
            Assert.Equal(new PolicyInterpreter(registry).Resolve(T.Encode(requested), context).Effective, T.Encode(resolution.Effective));
        }
    }
}
