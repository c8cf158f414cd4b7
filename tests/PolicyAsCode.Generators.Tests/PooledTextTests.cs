using System;
using System.Globalization;
using System.Text;
using PolicyAsCode.Generators.Emitting;
using PolicyAsCode.Generators.Tests.Infrastructure;
using Xunit;

namespace PolicyAsCode.Generators.Tests;

/// <summary>
/// <see cref="PooledText"/>, the pooled buffer the generated files and the registry data are written into: whatever is
/// appended, across however many chunk boundaries, reads back exactly as a <see cref="StringBuilder"/> given the same
/// appends would, and a disposed buffer refuses to be written.
/// </summary>
public sealed class PooledTextTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_appends_read_back_as_a_string_builder_reads_them(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 20; trial++)
        {
            using var pooled = new PooledText();
            var expected = new StringBuilder();

            // Enough text to cross the first chunks' boundaries (16 K, 32 K, 64 K characters, …) at varied offsets.
            var target = random.Next(0, 300_000);
            while (expected.Length < target)
            {
                switch (random.Next(5))
                {
                    case 0:
                        var text = new string((char)('a' + random.Next(26)), random.Next(0, 5_000));
                        pooled.Append(text);
                        expected.Append(text);
                        break;
                    case 1:
                        var c = (char)random.Next(32, 0x3000);
                        pooled.Append(c);
                        expected.Append(c);
                        break;
                    case 2:
                        var run = random.Next(0, 40_000);
                        pooled.Append(' ', run);
                        expected.Append(' ', run);
                        break;
                    case 3:
                        long number = random.Next(4) switch { 0 => random.Next(), 1 => -random.Next(), 2 => long.MaxValue - random.Next(), _ => long.MinValue + random.Next() };
                        pooled.Append(number);
                        expected.Append(number.ToString(CultureInfo.InvariantCulture));
                        break;
                    default:
                        pooled.Append((string?)null);
                        break;
                }

                Assert.Equal(expected.Length, pooled.Length);
            }

            Assert.Equal(expected.ToString(), pooled.ToString());
        }
    }

    [Fact]
    public void A_number_that_does_not_fit_the_chunk_is_written_whole_in_the_next()
    {
        using var pooled = new PooledText();
        var filler = new string('x', (16 * 1024) - 3);
        pooled.Append(filler).Append(1234567890L).Append(0L).Append(-42L);

        Assert.Equal(filler + "1234567890" + "0" + "-42", pooled.ToString());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void Numbers_are_written_the_same_in_every_culture(string culture)
    {
        using var _ = new CultureScope(culture);
        using var pooled = new PooledText();
        pooled.Append(-1_234_567L).Append(',').Append(long.MinValue).Append(',').Append(987_654_321L);

        Assert.Equal("-1234567,-9223372036854775808,987654321", pooled.ToString());
    }

    [Fact]
    public void A_disposed_buffer_refuses_to_be_written()
    {
        var pooled = new PooledText();
        pooled.Append("kept until disposed");
        pooled.Dispose();

        Assert.Equal(0, pooled.Length);
        Assert.Throws<ObjectDisposedException>(() => pooled.Append('x'));
        Assert.Throws<ObjectDisposedException>(() => pooled.Append("text"));
    }
}
