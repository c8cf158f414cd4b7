using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyAsCode.Compiled;

namespace PolicyAsCode.Json;

/// <summary>
/// Reads and writes preferences JSON for any policy from its registry alone, running none of the policy's code (for
/// tools such as <c>pac</c>). The generated <c>ReadPreferences</c> and <c>WritePreferences</c> of a user tier do the same,
/// faster; both readers share one implementation and give the same results. The format is in docs/preferences-json.md.
/// </summary>
public static class PreferencesJson
{
    private static readonly ConditionalWeakTable<PolicyRegistry, Names> Cache = [];

    /// <summary>
    /// Reads untrusted preferences: every value, or for a dimension left out or unreadable its default in
    /// <paramref name="context"/>, encoded in dimension order. Never throws for any <paramref name="utf8"/>.
    /// </summary>
    /// <param name="registry">The policy.</param>
    /// <param name="utf8">The document, UTF-8 (a leading byte-order mark is skipped).</param>
    /// <param name="context">The context whose defaults fill what the document does not give.</param>
    /// <param name="options">Limits; <see cref="PreferencesReaderOptions.Default"/> when null.</param>
    public static PreferencesReadResult<DimensionValue[]> Read(PolicyRegistry registry, ReadOnlySpan<byte> utf8, in PolicyContext context, PreferencesReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var schema = new RegistrySchema(registry, NamesOf(registry), context);
        return PreferencesJsonSupport.Read<RegistrySchema, DimensionValue[]>(registry, ref schema, utf8, options);
    }

    /// <summary>
    /// Writes encoded preferences (in dimension order, one value per dimension) as a preferences document that
    /// <see cref="Read"/> reads back unchanged: every dimension, in dimension order.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="values"/> does not hold one value per dimension, or a value is outside its dimension's domain
    /// (an undefined enum value, an unlisted string, a number that is not finite or not a whole <see cref="int"/>, a
    /// flag mask that no union of flag names makes).
    /// </exception>
    public static void Write(Utf8JsonWriter writer, PolicyRegistry registry, ReadOnlySpan<DimensionValue> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(registry);
        if (values.Length != registry.Dimensions.Length)
        {
            throw new ArgumentException($"{registry.Name} has {registry.Dimensions.Length} dimensions; {values.Length} values were given.", nameof(values));
        }

        var names = NamesOf(registry);
        writer.WriteStartObject();
        foreach (var dimension in registry.Dimensions)
        {
            var value = values[dimension.Index];
            if (!dimension.InDomain(value))
            {
                throw new ArgumentException($"{dimension.Name}: {value} is outside the dimension's domain and has no JSON form.", nameof(values));
            }

            writer.WritePropertyName(names.Encoded[dimension.Index]);
            WriteValue(writer, dimension, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The one encoder of the wire format: a value, in its dimension's domain, as <c>true</c>/<c>false</c>, a number, a
    /// member name or an array of flag names (<see cref="DimensionInfo.FlagNames"/>).
    /// </summary>
    /// <param name="writer">Where the value is written.</param>
    /// <param name="dimension">The value's dimension.</param>
    /// <param name="value">The value, in the dimension's domain.</param>
    /// <exception cref="ArgumentException">A set value that no union of the dimension's flags makes.</exception>
    public static void WriteValue(Utf8JsonWriter writer, DimensionInfo dimension, DimensionValue value)
    {
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                writer.WriteBooleanValue(value.Bits != 0);
                break;
            case DimensionKind.Integer:
                writer.WriteNumberValue((int)value.Number);
                break;
            case DimensionKind.Real:
                writer.WriteNumberValue(value.Number);
                break;
            case DimensionKind.Set:
                var names = dimension.FlagNames(value.Bits, out var covered);
                if (covered != value.Bits)
                {
                    throw new ArgumentException($"{dimension.Name}: the mask 0x{value.Bits:X} is no union of {dimension.TypeName}'s flags.", nameof(value));
                }

                writer.WriteStartArray();
                foreach (var name in names)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(dimension.Members[value.Position]);
                break;
        }
    }

    /// <summary>A value in the wire format as a JSON node (for documents that embed values, such as a schema's defaults).</summary>
    /// <param name="dimension">The value's dimension.</param>
    /// <param name="value">The value, in the dimension's domain.</param>
    /// <returns>A new node.</returns>
    public static JsonNode ValueNode(DimensionInfo dimension, DimensionValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteValue(writer, dimension, value);
        }

        return JsonNode.Parse(buffer.WrittenSpan)!;
    }

    private static Names NamesOf(PolicyRegistry registry) => Cache.GetValue(registry, static r => new Names(r));

    /// <summary>A registry's JSON names, as UTF-8, and its interpreter (for defaults), made once per registry.</summary>
    private sealed class Names
    {
        public Names(PolicyRegistry registry)
        {
            Interpreter = new PolicyInterpreter(registry);
            var count = registry.Dimensions.Length;
            Properties = new byte[count][];
            Encoded = new JsonEncodedText[count];
            Members = new byte[count][][];
            foreach (var dimension in registry.Dimensions)
            {
                var name = PreferenceNames.JsonName(dimension.Name);
                Properties[dimension.Index] = Encoding.UTF8.GetBytes(name);
                Encoded[dimension.Index] = JsonEncodedText.Encode(name);
                var kind = dimension.Kind;
                var members = kind is DimensionKind.Ordinal or DimensionKind.Choice or DimensionKind.Set ? dimension.Members : [];
                Members[dimension.Index] = new byte[members.Length][];
                for (var m = 0; m < members.Length; m++)
                {
                    Members[dimension.Index][m] = Encoding.UTF8.GetBytes(members[m]);
                }
            }
        }

        public PolicyInterpreter Interpreter { get; }

        public byte[][] Properties { get; }

        public JsonEncodedText[] Encoded { get; }

        public byte[][][] Members { get; }
    }

    private readonly struct RegistrySchema(PolicyRegistry registry, Names names, PolicyContext context) : IPreferenceSchema<DimensionValue[]>
    {
        public int MatchProperty(ReadOnlySpan<byte> name) => IndexOf(names.Properties, name);

        public int MatchMember(int dimension, ReadOnlySpan<byte> text) => IndexOf(names.Members[dimension], text);

        private static int IndexOf(byte[][] candidates, ReadOnlySpan<byte> text)
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                if (text.SequenceEqual(candidates[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public DimensionValue[] Build(ReadOnlySpan<DimensionValue> values, ReadOnlySpan<ulong> given)
        {
            var result = new DimensionValue[values.Length];
            var defaults = default(DimensionValue[]);
            for (var d = 0; d < result.Length; d++)
            {
                if (DimensionSet.Contains(given, d))
                {
                    result[d] = values[d];
                }
                else
                {
                    defaults ??= names.Interpreter.Defaults(in context);
                    result[d] = d < defaults.Length ? defaults[d] : registry.Dimensions[d].Default;
                }
            }

            return result;
        }
    }
}
