using System;
using System.Linq;
using System.Reflection;
using PolicyAsCode.Evaluation.Tests.Support;
using Xunit;

namespace PolicyAsCode.Evaluation.Tests;

/// <summary>
/// Issue 12, B1: an ordinal enum over <c>ulong</c> whose members reach past <c>long.MaxValue</c>. Its members sort by
/// their unsigned value (Zero, One, Top, Max), so <c>[AtMost(Huge.One)]</c> clamps Max down to One and a value that
/// cannot be read fails closed to Zero. Members once sorted by their value as a signed long put Top and Max first,
/// and Max passed the AtMost. Compiled with the generator and run, against the reference interpreter.
/// </summary>
public sealed class OddShapeEvaluationTests
{
    private const string Source = """
        using PolicyAsCode;

        namespace Odd
        {
            public enum Huge : ulong { Zero = 0, One = 1, Top = 0x8000_0000_0000_0000, Max = ulong.MaxValue }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Huge.One)]
                public Huge Huge { get; init; }
            }

            [UserTier(Within = [typeof(EuLaw)])]
            public partial record Prefs
            {
                public Huge Huge { get; init; }
            }
        }
        """;

    [Fact]
    public void A_ulong_enum_is_ordered_by_unsigned_value_when_resolved()
    {
        using var compiled = PolicyCompiler.Compile("OddHuge", [("Huge.cs", Source)]);
        Assert.True(compiled.Errors.IsEmpty, string.Join("\n", compiled.Errors));
        compiled.Check(typeof(OddShapeEvaluationTests), nameof(Check), "Odd.Prefs", compiled.Assembly!.GetType("Odd.Huge")!);
    }

    private static void Check<T>(Type huge)
        where T : class, IUserTierPolicy<T>
    {
        var registry = T.Registry;
        var dimension = Assert.Single(registry.Dimensions);
        Assert.Equal(["Zero", "One", "Top", "Max"], dimension.Members.ToArray());
        Assert.Equal([0L, 1L, long.MinValue, -1L], dimension.MemberValues.ToArray());

        var property = typeof(T).GetProperty("Huge")!;
        var context = PolicyContext.In("EU");
        var interpreter = new PolicyInterpreter(registry);

        // Max lies above AtMost(One): clamped to One, by the generated evaluator and the interpreter alike.
        foreach (var requested in new[] { ulong.MaxValue, 0x8000_0000_0000_0000UL })
        {
            var preferences = With<T>(property, Enum.ToObject(huge, requested));
            Assert.Equal(DimensionValue.OfPosition(requested == ulong.MaxValue ? 3 : 2), T.Encode(preferences)[0]);
            var resolution = T.Resolve(preferences, context, DimensionSet.Empty);
            Assert.Equal(Enum.ToObject(huge, 1UL), property.GetValue(resolution.Effective));
            var adjustment = Assert.Single(resolution.Adjustments);
            Assert.NotEqual(AdjustmentCause.FailedClosed, adjustment.Cause);
            Assert.Equal(interpreter.Resolve(T.Encode(preferences), context).Effective, T.Encode(resolution.Effective));
        }

        // Values within the bound pass unchanged.
        foreach (var allowed in new[] { 0UL, 1UL })
        {
            var preferences = With<T>(property, Enum.ToObject(huge, allowed));
            var resolution = T.Resolve(preferences, context, DimensionSet.Empty);
            Assert.Empty(resolution.Adjustments);
            Assert.Equal(Enum.ToObject(huge, allowed), property.GetValue(resolution.Effective));
        }

        // An undefined value fails closed to the strictest allowed value, Zero (not Top, the old first member).
        var unreadable = With<T>(property, Enum.ToObject(huge, 5UL));
        Assert.Equal(DimensionInfo.OutsideMembers, T.Encode(unreadable)[0]);
        var failed = T.Resolve(unreadable, context, DimensionSet.Empty);
        Assert.Equal(AdjustmentCause.FailedClosed, Assert.Single(failed.Adjustments).Cause);
        Assert.Equal(Enum.ToObject(huge, 0UL), property.GetValue(failed.Effective));
        Assert.Equal(interpreter.Resolve(T.Encode(unreadable), context).Effective, T.Encode(failed.Effective));

        // The value that stands for an unreadable one decodes outside the members.
        Differential.CheckDecodeKeepsOutOfDomainValuesOut<T>(registry);
    }

    private static T With<T>(PropertyInfo property, object value)
        where T : class
    {
        var preferences = (T)Activator.CreateInstance(typeof(T))!;
        property.SetValue(preferences, value);
        return preferences;
    }
}
