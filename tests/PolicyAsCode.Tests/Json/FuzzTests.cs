using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using CsCheck;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Json.Tests;

/// <summary>
/// 100,000+ random and mutated documents through both readers: nothing throws, every error has a path, resolution
/// stays within the bounds, unreadable dimensions fail closed, and the generated and registry-driven readers agree.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Keys = [.. Invariants.Registry.Dimensions.Select(d => PreferenceNames.JsonName(d.Name)), "Tone", "x", "", "topics\\u0000", "\\u0074one"];

    private static readonly string[] Words =
    [
        "Teen", "Mature", "General", "Playful", "Sarcastic", "Concise", "Science", "History", "Romance", "None", "fr", "nl", "EN",
        "Hate", "Elections", "Custom1", "\\u0054een", "\\ud800", "NaN", "", "Science, History",
    ];

    private static readonly string[] Scalars = ["0", "-0", "1", "7", "0.5", "-1.5", "1e400", "2147483648", "-2147483648", "3.0", "true", "false", "null", "1E-7", "14"];

    private static readonly byte[] Structural = Encoding.ASCII.GetBytes("{}[]\":,\\ tfn0-.eE/*\n");

    /// <summary>A document: a random JSON value, or a valid document written by the writer and then mutated.</summary>
    private static readonly Gen<(int Seed, int Kind)> Documents = Gen.Select(Gen.Int, Gen.Int[0, 9]);

    [Fact]
    public void One_hundred_thousand_documents_keep_every_invariant()
    {
        var count = 0;
        var withErrors = 0;
        var valid = 0;
        Documents.Sample(
            sample =>
            {
                var random = new Random(sample.Seed);
                var document = sample.Kind < 3 ? Invariants.Utf8(RandomValue(random, 0, object_: true)) : Mutate(random, Valid(random), sample.Kind);
                var context = Invariants.Contexts[random.Next(Invariants.Contexts.Length)];
                var options = random.Next(4) == 0 ? new PreferencesReaderOptions { MaxErrors = 1 + random.Next(4), MaxDepth = 2 + random.Next(4) } : null;
                var (result, broken) = Invariants.Check(document, in context, options);
                Interlocked.Increment(ref count);
                if (result is { IsValid: true })
                {
                    Interlocked.Increment(ref valid);
                }
                else
                {
                    Interlocked.Increment(ref withErrors);
                }

                return broken is null;
            },
            iter: 100_000,
            print: sample => Encoding.UTF8.GetString(Replay(sample)));

        output.WriteLine($"{count} documents: {valid} valid, {withErrors} with errors; the fast path's scan accepted {Invariants.Scanned} (all runs so far)");
        Assert.True(Invariants.Scanned > 1_000, $"the scan accepted only {Invariants.Scanned} documents: the fast path's differential check is too thin");
        Assert.True(count >= 100_000);
        Assert.True(valid > 1_000 && withErrors > 10_000, $"{valid} valid, {withErrors} with errors: the mix is too lopsided to test both paths");
    }

    private static byte[] Replay((int Seed, int Kind) sample)
    {
        var random = new Random(sample.Seed);
        return sample.Kind < 3 ? Invariants.Utf8(RandomValue(random, 0, object_: true)) : Mutate(random, Valid(random), sample.Kind);
    }

    /// <summary>A valid document of random in-domain preferences, every dimension written.</summary>
    internal static byte[] Valid(Random random)
    {
        var preferences = RoundTripTests.RandomPreferences(random);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            LearnerPreferences.WritePreferences(writer, preferences);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Mutate(Random random, byte[] document, int kind)
    {
        var bytes = document.ToList();
        var edits = 1 + random.Next(kind == 9 ? 12 : 3);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.Insert(at, Structural[random.Next(Structural.Length)]); break;
                case 2: bytes.Insert(at, (byte)random.Next(256)); break;
                case 3: bytes.RemoveAt(at); break;
                case 4: bytes.RemoveRange(at, bytes.Count - at); break;
                case 5:
                    var length = Math.Min(bytes.Count - at, 1 + random.Next(20));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default:
                    // Replace a value: after a colon, splice in a random value.
                    var colon = bytes.IndexOf((byte)':', at);
                    if (colon >= 0)
                    {
                        bytes.InsertRange(colon + 1, Invariants.Utf8(RandomValue(random, 1, object_: false) + ","));
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static string RandomValue(Random random, int depth, bool object_)
    {
        var choice = object_ ? 0 : random.Next(depth > 5 ? 3 : 6);
        switch (choice)
        {
            case 0:
                var members = Enumerable.Range(0, random.Next(depth == 0 ? 12 : 3))
                    .Select(_ => "\"" + Keys[random.Next(Keys.Length)] + "\":" + RandomValue(random, depth + 1, object_: false));
                return "{" + string.Join(",", members) + "}";
            case 1: return Scalars[random.Next(Scalars.Length)];
            case 2: return "\"" + Words[random.Next(Words.Length)] + "\"";
            case 3:
                return "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => random.Next(3) == 0 ? RandomValue(random, depth + 1, false) : "\"" + Words[random.Next(Words.Length)] + "\"")) + "]";
            case 4: return RandomValue(random, depth + 1, object_: true);
            default: return random.NextDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
