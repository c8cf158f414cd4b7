using System;
using System.Text;
using QuickStart.Policies;
using Xunit;
using PolicyAsCode.Compiled;

namespace PolicyAsCode.Json.Tests;

/// <summary>
/// The generated reader's fast path (<see cref="PreferencesFastPath"/>): which documents its scan accepts, and that for
/// every document, accepted or not, the generated reader's result is exactly its full reader's (checked by
/// <see cref="Invariants.Check"/>, with the other invariants).
/// </summary>
public sealed class FastPathTests
{
    private static readonly PolicyContext Context = PolicyContext.In("EU");

    [Theory]
    // Integers: exactly what Utf8JsonReader.TryGetInt32 accepts, on numbers without fraction or exponent.
    [InlineData("""{"memoryDays":7}""", true)]
    [InlineData("""{"memoryDays":-0}""", true)]
    [InlineData("""{"memoryDays":2147483647}""", true)]
    [InlineData("""{"memoryDays":-2147483648}""", true)]
    [InlineData("""{"memoryDays":2147483648}""", false)]
    [InlineData("""{"memoryDays":-2147483649}""", false)]
    [InlineData("""{"memoryDays":99999999999999999999}""", false)]
    [InlineData("""{"memoryDays":1e2}""", false)]
    [InlineData("""{"memoryDays":3.0}""", false)]
    [InlineData("""{"memoryDays":01}""", false)]
    [InlineData("""{"memoryDays":1.}""", false)]
    [InlineData("""{"memoryDays":.5}""", false)]
    [InlineData("""{"memoryDays":+1}""", false)]
    [InlineData("""{"memoryDays":-}""", false)]
    [InlineData("""{"memoryDays":1x}""", false)]
    // Reals: exactly TryGetDouble, finite.
    [InlineData("""{"creativity":0.75}""", true)]
    [InlineData("""{"creativity":-0}""", true)]
    [InlineData("""{"creativity":-0.0}""", true)]
    [InlineData("""{"creativity":1e2}""", true)]
    [InlineData("""{"creativity":1E+2}""", true)]
    [InlineData("""{"creativity":5e-1}""", true)]
    [InlineData("""{"creativity":1e-400}""", true)]
    [InlineData("""{"creativity":0.1000000000000000055511151231257827}""", true)]
    [InlineData("""{"creativity":0.1}""", true)]
    [InlineData("""{"creativity":-0.30000000000001}""", true)]
    [InlineData("""{"creativity":123456789012345}""", true)]
    [InlineData("""{"creativity":1234567890123456789}""", true)]
    [InlineData("""{"creativity":0.000000000000000000000000001}""", true)]
    [InlineData("""{"creativity":9007199254740993}""", true)]
    [InlineData("""{"creativity":1e400}""", false)]
    [InlineData("""{"creativity":-1e309}""", false)]
    [InlineData("""{"creativity":1e}""", false)]
    [InlineData("""{"creativity":1e+}""", false)]
    [InlineData("""{"creativity":.5}""", false)]
    [InlineData("""{"creativity":1.}""", false)]
    [InlineData("""{"creativity":00.5}""", false)]
    [InlineData("""{"creativity":NaN}""", false)]
    [InlineData("""{"creativity":0.5.1}""", false)]
    public void Numbers_take_the_fast_path_exactly_when_the_full_reader_accepts_them(string json, bool scanned) => Expect(Encoding.UTF8.GetBytes(json), scanned);

    [Theory]
    // The common shape, white space included.
    [InlineData("""{}""", true)]
    [InlineData(" \t\r\n{ } \n", true)]
    [InlineData("""{ "tone" : "Playful" , "topics" : [ "Science" , "History" ] , "avoidHazards" : [ ] , "discloseAi" : false }""", true)]
    [InlineData("""{"maturity":"Teen","tone":"Playful","verbosity":"Detailed","discloseAi":true,"memoryDays":7,"creativity":0.75,"topics":["Science","History"],"language":"fr","avoidHazards":["Hate","Elections"]}""", true)]
    // Every reason to give up: the full reader then reads the document and reports its errors, if any.
    [InlineData("\uFEFF{\"tone\":\"Playful\"}", false)]                 // a byte-order mark
    [InlineData("""{"\u0074one":"Playful"}""", false)]                // an escaped name (valid)
    [InlineData("""{"tone":"Pl\u0061yful"}""", false)]                // an escaped value (valid)
    [InlineData("{\"tone\":\"Playful\u00e9\"}", false)]               // a byte of 0x80 or more
    [InlineData("{\"t\u00f6ne\":\"Playful\"}", false)]                // a non-ASCII name
    [InlineData("{\"tone\":\"Play\tful\"}", false)]                   // a control character
    [InlineData("""{"Tone":"Playful"}""", false)]                     // an unknown name (wrong case)
    [InlineData("""{"x":1}""", false)]                                // an unknown name
    [InlineData("""{"tone":"Playful","tone":"Neutral"}""", false)]    // a duplicate
    [InlineData("""{"tone":2}""", false)]                             // a wrong type
    [InlineData("""{"tone":null}""", false)]                          // null
    [InlineData("""{"discloseAi":"true"}""", false)]                  // a wrong type
    [InlineData("""{"discloseAi":tru}""", false)]                     // a broken literal
    [InlineData("""{"discloseAi":truex}""", false)]                   // a broken literal
    [InlineData("""{"topics":"Science"}""", false)]                   // a string for a set
    [InlineData("""{"topics":["Science","Science"]}""", false)]       // a flag listed twice
    [InlineData("""{"topics":["Science",1]}""", false)]               // a non-string element
    [InlineData("""{"topics":[["Science"]]}""", false)]               // nesting
    [InlineData("""{"topics":["Science",]}""", false)]                // a trailing comma in an array
    [InlineData("""{"tone":"Grumpy"}""", false)]                      // an unknown member
    [InlineData("""{"language":"EN"}""", false)]                      // an unlisted choice
    [InlineData("""{"tone":"Playful",}""", false)]                    // a trailing comma
    [InlineData("""{"tone":"Playful"}x""", false)]                    // something after the object
    [InlineData("""{"tone":"Playful"}{}""", false)]                   // two values
    [InlineData("""{"tone":"Playful" /* c */}""", false)]             // a comment
    [InlineData("""{"tone" "Playful"}""", false)]                     // no colon
    [InlineData("""{"tone":"Playful" "verbosity":"Brief"}""", false)] // no comma
    [InlineData("""{"tone":"Playful""", false)]                       // truncated
    [InlineData("""{"tone":"Play""", false)]                          // truncated in a string
    [InlineData("""{"tone""", false)]                                 // truncated in a name
    [InlineData("""["Teen"]""", false)]                               // not an object
    [InlineData("", false)]                                           // empty
    [InlineData("  ", false)]                                         // white space only
    [InlineData("""{tone:"Playful"}""", false)]                       // an unquoted name
    [InlineData("""{'tone':'Playful'}""", false)]                     // single quotes
    [InlineData("\f{}", false)]                                       // white space JSON does not have
    public void The_scan_accepts_only_the_common_shape(string json, bool scanned) => Expect(Encoding.UTF8.GetBytes(json), scanned);

    [Fact]
    public void The_scan_reads_every_number_bit_for_bit_as_Utf8JsonReader_does()
    {
        var random = new Random(20261128);
        var count = Invariants.Registry.Dimensions.Length;
        Span<DimensionValue> values = stackalloc DimensionValue[count];
        var names = default(Invariants.RegistryNames);
        var scanned = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var number = new StringBuilder();
            if (random.Next(3) == 0) number.Append('-');
            var integral = random.Next(4) == 0 ? 1 : 1 + random.Next(18);
            number.Append(integral == 1 ? (char)('0' + random.Next(10)) : (char)('1' + random.Next(9)));
            for (var i = 1; i < integral; i++) number.Append((char)('0' + random.Next(10)));
            if (random.Next(2) == 0)
            {
                number.Append('.');
                for (var i = random.Next(1, 20); i > 0; i--) number.Append((char)('0' + random.Next(10)));
            }

            if (random.Next(5) == 0) number.Append(random.Next(2) == 0 ? 'e' : 'E').Append(random.Next(3) switch { 0 => "-", 1 => "+", _ => "" }).Append(random.Next(400));
            var text = number.ToString();
            var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(text));
            reader.Read();
            var readable = reader.TryGetDouble(out var expected) && double.IsFinite(expected);
            var ok = PreferencesFastPath.TryScan(Invariants.Registry, ref names, Encoding.UTF8.GetBytes("{\"creativity\":" + text + "}"), 1000, values, out var given);
            Assert.True(ok == readable, text);
            if (ok)
            {
                scanned++;
                Assert.Equal(1UL << 5, given);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(values[5].Number), $"{text}: {expected:R} read as {values[5].Number:R}");
            }
        }

        Assert.True(scanned > 100_000);
    }

    [Fact]
    public void Invalid_UTF8_makes_the_scan_give_up() =>
        Expect([.. "{\"tone\":\""u8, 0xC3, 0x28, .. "\"}"u8], scanned: false);

    [Fact]
    public void A_document_over_MaxBytes_is_left_to_the_full_reader()
    {
        var document = Encoding.UTF8.GetBytes("""{"tone":"Playful"}""");
        var options = new PreferencesReaderOptions { MaxBytes = document.Length - 1 };
        Assert.False(Scan(document, options.MaxBytes));
        var (result, broken) = Invariants.Check(document, in Context, options);
        Assert.Null(broken);
        Assert.Equal(PreferenceErrorKind.TooLarge, Assert.Single(result!.Errors).Kind);
        Assert.True(Scan(document, document.Length));
    }

    [Fact]
    public void The_scan_fills_absent_dimensions_with_the_contexts_defaults_as_the_full_reader_does()
    {
        foreach (var context in Invariants.Contexts)
        {
            var fast = LearnerPreferences.ReadPreferences("""{"tone":"Playful"}"""u8, in context);
            var full = LearnerPreferences.ReadPreferences("""{"tone":"Playful"}"""u8, in context, Invariants.FullReaderOnly(PreferencesReaderOptions.Default));
            Assert.Equal(full.Requested, fast.Requested);
            Assert.Equal(LearnerPreferences.Defaults(in context) with { Tone = Tone.Playful }, fast.Requested);
            Assert.True(fast.IsValid);
        }
    }

    private static void Expect(byte[] document, bool scanned)
    {
        foreach (var context in Invariants.Contexts)
        {
            var (_, broken) = Invariants.Check(document, in context);
            Assert.Null(broken);
        }

        Assert.Equal(scanned, Scan(document, PreferencesReaderOptions.DefaultMaxBytes));
    }

    private static bool Scan(ReadOnlySpan<byte> document, int maxBytes)
    {
        var count = Invariants.Registry.Dimensions.Length;
        Span<DimensionValue> values = stackalloc DimensionValue[count];
        var names = default(Invariants.RegistryNames);
        return PreferencesFastPath.TryScan(Invariants.Registry, ref names, document, maxBytes, values, out _);
    }
}
