using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Registry;

/// <summary>
/// Records holding an <see cref="ImmutableArray{T}"/> write their own equality; these tests change each settable property
/// of each such record in turn and require the change to be seen, so a property added later cannot be silently left out.
/// </summary>
public class RecordEqualityTests
{
    private static readonly PolicyRegistry Registry = LearnerPreferences.Registry;

    private static readonly PolicyOverlay Overlay = PolicyOverlay.Empty.AtMost("Maturity", "General");

    // Several instances of each record, so a differing value of each property can be taken from a sibling.
    private static readonly Dictionary<Type, object[]> Samples = new()
    {
        [typeof(TierInfo)] = [.. Registry.Tiers],
        [typeof(DimensionInfo)] = [.. Registry.Dimensions],
        [typeof(BoundRule)] = [.. Registry.Bounds],
        [typeof(ForbidRule)] = [.. Registry.Forbids],
        [typeof(OverlayBound)] = [.. Overlay.Bounds, new OverlayBound("Tone", BoundForm.Locked, ["Neutral"], Fact.Minor, Fact.RolePlay, "why", "DE")],
        [typeof(OverlayCompilation)] = [PolicyOverlayCompiler.Compile(Registry, Overlay), PolicyOverlayCompiler.Compile(Registry, Overlay) with { Registry = Registry }, PolicyOverlayCompiler.Compile(Registry, PolicyOverlay.Empty.AtMost("Nope", "x"))],
    };

    [Fact]
    public void Every_runtime_record_holding_an_immutable_array_is_checked_here()
    {
        var holders = new[] { typeof(PolicyRegistry).Assembly, typeof(PolicyEngine<>).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Namespace is "PolicyAsCode" or "PolicyAsCode.Runtime" && IsRecord(t))
            .Where(t => Settable(t).Any(p => IsImmutableArray(p.PropertyType)))
            .ToList();

        Assert.NotEmpty(holders);
        Assert.All(holders, t => Assert.True(Samples.ContainsKey(t), $"{t.Name} holds an ImmutableArray: add samples of it to RecordEqualityTests."));
    }

    [Fact]
    public void Changing_any_property_makes_a_record_unequal()
    {
        foreach (var (type, samples) in Samples)
        {
            var original = samples[0];
            foreach (var property in Settable(type))
            {
                var value = property.GetValue(original);
                var other = samples.Select(property.GetValue).FirstOrDefault(v => !Same(v, value)) ?? Different(property.PropertyType, value);
                var changed = Clone(original);
                property.SetValue(changed, other);

                Assert.False(original.Equals(changed), $"{type.Name}.Equals ignores {property.Name}.");
            }
        }
    }

    [Fact]
    public void Arrays_with_the_same_items_are_equal_and_hash_alike()
    {
        foreach (var (type, samples) in Samples)
        {
            foreach (var original in samples)
            {
                var copy = Clone(original);
                foreach (var property in Settable(type).Where(p => IsImmutableArray(p.PropertyType)))
                {
                    property.SetValue(copy, CopyOf(property.PropertyType, property.GetValue(original)!));
                }

                Assert.True(original.Equals(copy), $"{type.Name} compares an array by reference.");
                Assert.Equal(original.GetHashCode(), copy.GetHashCode());
            }
        }
    }

    [Fact]
    public void A_forbid_rule_without_risks_mitigates_none_rather_than_a_default_array()
    {
        var rule = new ForbidRule(0, 0, Hazard.Elections, default, null, null);

        Assert.False(rule.Mitigates.IsDefault);
        Assert.Empty(rule.Mitigates);
        Assert.Equal(rule, rule with { Mitigates = [] });
    }

    private static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null;

    private static IEnumerable<PropertyInfo> Settable(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    private static bool IsImmutableArray(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    private static object Clone(object record) => record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;

    private static bool Same(object? a, object? b) =>
        a is IEnumerable x && b is IEnumerable y && a is not string ? x.Cast<object?>().SequenceEqual(y.Cast<object?>()) : Equals(a, b);

    private static object CopyOf(Type arrayType, object array)
    {
        var item = arrayType.GetGenericArguments()[0];
        var items = ((IEnumerable)array).Cast<object?>().ToArray();
        var typed = Array.CreateInstance(item, items.Length);
        Array.Copy(items, typed, items.Length);
        return typeof(ImmutableArray).GetMethods().Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
            .MakeGenericMethod(item).Invoke(null, [typed])!;
    }

    // When no sibling differs on a property: a value of its type that differs from this one.
    private static object? Different(Type type, object? value)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null && value is null)
        {
            return Different(underlying, Activator.CreateInstance(underlying));
        }

        var t = underlying ?? type;
        return value switch
        {
            null when t == typeof(string) => "changed",
            string s => s + " changed",
            bool b => !b,
            int i => i + 1,
            long l => l + 1,
            double d => d + 1,
            Enum e => Enum.ToObject(t, Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture) + 1),
            _ when IsImmutableArray(t) => Grown(t, value!),
            _ => throw new InvalidOperationException($"No sample differs on a {t.Name}; add one to RecordEqualityTests."),
        };
    }

    private static object Grown(Type arrayType, object array)
    {
        var item = arrayType.GetGenericArguments()[0];
        var items = ((IEnumerable)array).Cast<object?>().Append(item.IsValueType ? Activator.CreateInstance(item) : null).ToArray();
        var typed = Array.CreateInstance(item, items.Length);
        Array.Copy(items, typed, items.Length);
        return typeof(ImmutableArray).GetMethods().Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
            .MakeGenericMethod(item).Invoke(null, [typed])!;
    }
}
