using System;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Interpretation;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>
/// On random policies and contexts: a value is offered exactly when resolution grants a request of it as asked, what
/// excludes it is exactly what resolution cites, and the schema's <c>x-excluded</c> and the explanation document say the same.
/// </summary>
public sealed class ChoicesProperties
{
    private static readonly Gen<(PolicyRegistry Registry, PolicyContext Context)> Cases =
        from registry in RandomPolicies.Registry
        from context in RandomPolicies.Context(registry)
        select (registry, context);

    [Fact]
    public void An_option_is_excluded_iff_resolution_adjusts_a_request_of_it_and_cites_what_resolution_cites()
    {
        Cases.Sample(
            c =>
            {
                var interpreter = new PolicyInterpreter(c.Registry);
                var defaults = interpreter.Defaults(c.Context);
                var effectiveDefaults = interpreter.Resolve(defaults, c.Context).Effective;
                foreach (var dimension in PreferenceChoices.Create(c.Registry, c.Context).Dimensions)
                {
                    var info = dimension.Dimension;
                    Check(c, dimension.Allowed == interpreter.Allowed(info.Index, c.Context), info, "Allowed is the interpreter's");
                    Check(c, dimension.Default == effectiveDefaults[info.Index], info, "the default is the resolved default");
                    var members = Lattice.IsInterval(info.Kind) ? 0 : info.Kind == DimensionKind.Set ? info.MemberValues.Count(v => v != 0) : info.Members.Length;
                    Check(c, dimension.Options.Length == members, info, "one option per member (per non-zero flag)");
                    foreach (var option in dimension.Options)
                    {
                        var asked = info.Kind == DimensionKind.Set ? DimensionValue.OfMask(effectiveDefaults[info.Index].Bits | option.Value.Bits) : option.Value;
                        var adjustment = AdjustmentOf(interpreter, defaults, c.Context, info, asked, out var granted);
                        var what = $"{info.Name} option {option.Label}";
                        Check(c, option.Allowed == (granted == asked), info, what + ": allowed iff granted as asked");
                        Check(c, option.Allowed == (option.ExcludedBy is null), info, what + ": an exclusion exactly when not allowed");
                        if (!option.Allowed)
                        {
                            Check(c, adjustment is not null && option.ExcludedBy!.Adjustment == adjustment, info, what + ": cites the interpreter's adjustment");
                            Check(c, adjustment!.Cause is AdjustmentCause.Clamped or AdjustmentCause.Contradiction, info, what + ": clamped or contradicted");
                            Check(c, option.ExcludedBy!.Rule == adjustment.Rule && option.ExcludedBy.Tier == adjustment.Tier, info, what + ": same rule and tier");
                            Check(c, option.ExcludedBy.Reason == (string.IsNullOrEmpty(adjustment.Rule?.Reason) ? null : adjustment.Rule!.Reason), info, what + ": the rule's reason");
                            if (info.Kind == DimensionKind.Set)
                            {
                                Check(c, (granted.Bits & option.Value.Bits) != option.Value.Bits, info, what + ": a flag is excluded when asking for it is clamped on it");
                                Check(c, !option.Required, info, what + ": a required flag is never excluded");
                            }
                        }
                        else
                        {
                            Check(c, adjustment is null || adjustment.Cause != AdjustmentCause.Clamped, info, what + ": an allowed value is never clamped");
                        }

                        if (info.Kind == DimensionKind.Set)
                        {
                            Check(c, option.Required == ((dimension.Allowed.Floor & option.Value.Bits) == option.Value.Bits), info, what + ": required iff in the allowed floor");
                        }
                    }
                }
            },
            iter: 300);
    }

    [Fact]
    public void A_number_is_granted_as_asked_iff_it_lies_in_the_range_and_the_edges_cite_what_resolution_cites()
    {
        var cases =
            from c in Cases
            from probes in Gen.Int[0, 100].Array[4]
            select (c.Registry, c.Context, probes);

        cases.Sample(
            c =>
            {
                var context = (c.Registry, c.Context);
                var interpreter = new PolicyInterpreter(c.Registry);
                var defaults = interpreter.Defaults(c.Context);
                foreach (var dimension in PreferenceChoices.Create(c.Registry, c.Context).Dimensions.Where(d => d.Range is not null))
                {
                    var info = dimension.Dimension;
                    var range = dimension.Range!;
                    Check(context, range.Minimum == dimension.Allowed.Lo && range.Maximum == dimension.Allowed.Hi, info, "the range is Allowed");
                    Check(context, range.DomainMinimum == info.Domain.Lo && range.DomainMaximum == info.Domain.Hi, info, "the domain is the type's");
                    foreach (var edge in new[] { range.Minimum, range.Maximum })
                    {
                        var value = DimensionValue.OfNumber(edge);
                        AdjustmentOf(interpreter, defaults, c.Context, info, value, out var granted);
                        Check(context, granted == value, info, $"the edge {edge} is granted as asked");
                    }

                    Check(context, (range.BelowMinimum is null) == (range.Minimum == range.DomainMinimum), info, "below the minimum: cited unless the type's own");
                    Check(context, (range.AboveMaximum is null) == (range.Maximum == range.DomainMaximum), info, "above the maximum: cited unless the type's own");
                    foreach (var (exclusion, below) in new[] { (range.BelowMinimum, true), (range.AboveMaximum, false) })
                    {
                        if (exclusion is not null)
                        {
                            var asked = exclusion.Adjustment.Requested;
                            var adjustment = AdjustmentOf(interpreter, defaults, c.Context, info, asked, out var granted);
                            Check(context, granted != asked && adjustment == exclusion.Adjustment, info, $"{info.Format(asked)} cites the interpreter's adjustment");
                            Check(context, below ? asked.Number < range.Minimum : asked.Number > range.Maximum, info, $"{info.Format(asked)} lies on its side of the range");
                            if (info.Kind == DimensionKind.Integer)
                            {
                                Check(context, asked.Number == (below ? range.Minimum - 1 : range.Maximum + 1), info, $"{info.Format(asked)} is the next int outside the range");
                            }
                            else
                            {
                                // A rounder number may be asked, but only where resolution cites what it cites for the next double.
                                var next = DimensionValue.OfNumber(below ? Math.BitDecrement(range.Minimum) : Math.BitIncrement(range.Maximum));
                                var exact = AdjustmentOf(interpreter, defaults, c.Context, info, next, out var nextGranted)!;
                                Check(context, exact.Rule == adjustment!.Rule && exact.Tier == adjustment.Tier && exact.Cause == adjustment.Cause && nextGranted == granted,
                                    info, $"{info.Format(asked)} cites what the next double {info.Format(next)} cites");
                            }
                        }
                    }

                    // Numbers across the range and beyond: granted as asked exactly inside it.
                    foreach (var p in c.probes)
                    {
                        var lo = Math.Max(range.Minimum - 3, range.DomainMinimum);
                        var hi = Math.Min(range.Maximum + 3, range.DomainMaximum);
                        var number = (lo * (1 - (p / 100.0))) + (hi * (p / 100.0));
                        number = info.Kind == DimensionKind.Integer ? Math.Round(number) : number;
                        var value = DimensionValue.OfNumber(number);
                        AdjustmentOf(interpreter, defaults, c.Context, info, value, out var granted);

                        // As numbers: a contradiction grants its strictest end, which may be -0 where 0 was asked.
                        Check(context, (granted.Number == number) == (range.Minimum <= number && number <= range.Maximum), info, $"{number} granted as asked iff in range");
                    }
                }
            },
            iter: 300);
    }

    [Fact]
    public void The_schema_lists_as_excluded_exactly_what_the_choices_exclude_with_the_same_citation()
    {
        Cases.Sample(
            c =>
            {
                var choices = PreferenceChoices.Create(c.Registry, c.Context);
                var schema = PreferencesSchema.Create(c.Registry, c.Context);
                var document = choices.ToJson();
                foreach (var dimension in choices.Dimensions)
                {
                    var info = dimension.Dimension;
                    var property = schema["properties"]![dimension.JsonName]!.AsObject();
                    Check(c, (string?)property["title"] == dimension.Title, info, "the schema's title is the choices'");
                    var listed = property["x-excluded"]?.AsArray() ?? [];
                    var explained = document["dimensions"]!.AsArray().Single(d => (string?)d!["name"] == dimension.JsonName)!.AsObject();
                    if (dimension.Range is { } range)
                    {
                        var expected = new[] { ("below", range.Minimum, range.BelowMinimum), ("above", range.Maximum, range.AboveMaximum) }.Where(e => e.Item3 is not null).ToArray();
                        Check(c, listed.Count == expected.Length, info, "one entry per excluded edge");
                        for (var i = 0; i < expected.Length; i++)
                        {
                            var (key, number, exclusion) = expected[i];
                            Check(c, listed[i]![key] is JsonValue v && double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) == number, info, $"{key} names the edge");
                            Cites(c, info, listed[i]!.AsObject(), exclusion!);
                            Cites(c, info, explained["range"]![key == "below" ? "belowMinimum" : "aboveMaximum"]!.AsObject(), exclusion!);
                        }
                    }
                    else
                    {
                        var excluded = dimension.Options.Where(o => !o.Allowed).ToArray();
                        Check(c, listed.Count == excluded.Length, info, "one entry per excluded option");
                        var options = explained["options"]!.AsArray();
                        for (var i = 0; i < excluded.Length; i++)
                        {
                            Check(c, JsonNode.DeepEquals(listed[i]!["value"], PreferenceChoicesValue(dimension, excluded[i])), info, "the entry names the option");
                            Cites(c, info, listed[i]!.AsObject(), excluded[i].ExcludedBy!);
                        }

                        for (var i = 0; i < dimension.Options.Length; i++)
                        {
                            var option = dimension.Options[i];
                            Check(c, (bool)options[i]!["allowed"]! == option.Allowed, info, "the document says what the choices say");
                            if (option.ExcludedBy is { } exclusion)
                            {
                                Cites(c, info, options[i]!["excludedBy"]!.AsObject(), exclusion);
                            }
                            else
                            {
                                Check(c, options[i]!["excludedBy"] is null, info, "an allowed option has no excludedBy");
                            }
                        }
                    }
                }
            },
            iter: 200);
    }

    // The option's value as the wire format gives it, written by hand: a flag by its member's name.
    private static JsonNode PreferenceChoicesValue(DimensionChoices dimension, ChoiceOption option) => dimension.Dimension.Kind switch
    {
        DimensionKind.Set => JsonValue.Create(option.Label),
        DimensionKind.Boolean => JsonValue.Create(option.Value.Position == 1),
        _ => JsonValue.Create(dimension.Dimension.Members[option.Value.Position]),
    };

    private static void Cites((PolicyRegistry Registry, PolicyContext Context) c, DimensionInfo info, JsonObject entry, Exclusion exclusion)
    {
        Check(c, (string?)entry["tier"] == exclusion.Adjustment.Tier?.ToString(), info, "the entry's tier");
        Check(c, (string?)entry["rank"] == exclusion.Adjustment.Tier?.Rank.ToString(), info, "the entry's rank");
        Check(c, (string?)entry["reason"] == exclusion.Reason, info, "the entry's reason");
        Check(c, (string?)entry["explanation"] == exclusion.Adjustment.Explain(), info, "the entry's explanation");
    }

    private static Adjustment? AdjustmentOf(PolicyInterpreter interpreter, DimensionValue[] defaults, in PolicyContext context, DimensionInfo dimension, DimensionValue value, out DimensionValue granted)
    {
        var request = (DimensionValue[])defaults.Clone();
        request[dimension.Index] = value;
        var resolution = interpreter.Resolve(request, context);
        granted = resolution.Effective[dimension.Index];
        return resolution.Adjustments.SingleOrDefault(a => a.Dimension.Index == dimension.Index);
    }

    private static void Check((PolicyRegistry Registry, PolicyContext Context) c, bool holds, DimensionInfo dimension, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"{dimension.Name}: {what} does not hold." + RandomPolicies.Describe(new PolicyCase(c.Registry, c.Context, [], default)));
        }
    }
}
