using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using PolicyAsCode.Documents.Tests.Support;
using PolicyAsCode.Json;
using PolicyAsCode.Tests.Interpretation;
using Xunit;

namespace PolicyAsCode.Documents.Tests;

/// <summary>On random policies, contexts and values, the schema accepts exactly what <see cref="PolicyInterpreter.Allowed"/> contains.</summary>
public sealed class SchemaProperties
{
    [Fact]
    public void A_document_holding_one_value_validates_iff_the_allowed_bound_contains_it()
    {
        var cases =
            from registry in RandomPolicies.Registry
            from context in RandomPolicies.Context(registry)
            from dimension in Gen.Int[0, registry.Dimensions.Length - 1]
            from values in RandomPolicies.InDomainValue(registry.Dimensions[dimension]).Array[1, 4]
            select (registry, context, dimension, values);

        cases.Sample(
            c =>
            {
                var schema = Schemas.Build(PreferencesSchema.ToText(c.registry, c.context));
                var allowed = new PolicyInterpreter(c.registry).Allowed(c.dimension, c.context);
                var info = c.registry.Dimensions[c.dimension];
                foreach (var value in c.values)
                {
                    var document = "{\"" + PreferenceNames.JsonName(info.Name) + "\": " + Encode(info, value) + "}";
                    var expected = Lattice.Contains(allowed, value);
                    var results = Schemas.Evaluate(schema, document);
                    if (results.IsValid != expected)
                    {
                        throw new InvalidOperationException(
                            $"{document} validates: {results.IsValid}; Allowed {info.Format(allowed)} contains it: {expected}\n{Schemas.Errors(results)}"
                            + RandomPolicies.Describe(new PolicyCase(c.registry, c.context, [], default)));
                    }
                }
            },
            iter: 300);
    }

    [Fact]
    public void Every_random_schema_is_valid_2020_12_and_its_defaults_validate()
    {
        Gen.Select(RandomPolicies.Registry, Gen.Int[0, 3]).Sample(
            (registry, j) =>
            {
                var context = PolicyContext.In(j < registry.Jurisdictions.Length ? registry.Jurisdictions[j] : null);
                var text = PreferencesSchema.ToText(registry, context);
                using var parsed = System.Text.Json.JsonDocument.Parse(text);
                var meta = global::Json.Schema.MetaSchemas.Draft202012.Evaluate(parsed.RootElement.Clone());
                Assert.True(meta.IsValid, text);
                var interpreter = new PolicyInterpreter(registry);
                var defaults = interpreter.Resolve(interpreter.Defaults(context), context).Effective;
                var document = new StringBuilder("{");
                foreach (var d in registry.Dimensions)
                {
                    document.Append(d.Index == 0 ? string.Empty : ", ").Append('"').Append(PreferenceNames.JsonName(d.Name)).Append("\": ").Append(Encode(d, defaults[d.Index]));
                }

                var results = Schemas.Evaluate(Schemas.Build(text), document.Append('}').ToString());
                Assert.True(results.IsValid, Schemas.Errors(results) + "\n" + document);
            },
            iter: 100);
    }

    /// <summary>A value in the preferences wire format, written by hand (independently of the library's writer).</summary>
    private static string Encode(DimensionInfo dimension, DimensionValue value) => dimension.Kind switch
    {
        DimensionKind.Boolean => value.Position == 1 ? "true" : "false",
        DimensionKind.Integer => ((long)value.Number).ToString(CultureInfo.InvariantCulture),
        DimensionKind.Real => value.Number.ToString("R", CultureInfo.InvariantCulture),
        DimensionKind.Set => "[" + string.Join(", ", Enumerable.Range(0, dimension.Members.Length)
            .Where(i => dimension.MemberValues[i] != 0 && (value.Bits & (ulong)dimension.MemberValues[i]) == (ulong)dimension.MemberValues[i])
            .Select(i => "\"" + dimension.Members[i] + "\"")) + "]",
        _ => "\"" + dimension.Members[value.Position] + "\"",
    };
}
