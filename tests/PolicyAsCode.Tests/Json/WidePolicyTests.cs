using System.Linq;
using System.Text;
using PolicyAsCode.Json.Tests.Wide;
using Xunit;

namespace PolicyAsCode.Json.Tests;

/// <summary>A policy of 70 dimensions: which dimensions a document gives crosses from the first word of marks into the second.</summary>
public class WidePolicyTests
{
    private static readonly PolicyContext Context = PolicyContext.In("WW");

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 63 })]
    [InlineData(new[] { 64 })]
    [InlineData(new[] { 69 })]
    [InlineData(new[] { 1, 62, 63, 64, 65, 68 })]
    public void A_sparse_document_sets_what_it_gives_and_leaves_every_other_dimension_at_its_default(int[] given)
    {
        var document = "{" + string.Join(",", given.Select(d => $"\"d{d}\":{500 + d}")) + "}";
        foreach (var fastPath in new[] { true, false })
        {
            var read = WidePreferences.ReadPreferences(Encoding.UTF8.GetBytes(document), Context, new PreferencesReaderOptions { FastPath = fastPath });
            Assert.True(read.IsValid, string.Join("; ", read.Errors));
            var values = WidePreferences.Encode(read.Requested);
            for (var d = 0; d < 70; d++)
            {
                Assert.Equal(given.Contains(d) ? 500 + d : d, values[d].Number);
            }
        }
    }

    [Fact]
    public void A_document_giving_every_dimension_is_read_whole()
    {
        var document = "{" + string.Join(",", Enumerable.Range(0, 70).Select(d => $"\"d{d}\":{700 - d}")) + "}";
        var read = WidePreferences.ReadPreferences(Encoding.UTF8.GetBytes(document), Context);
        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(Enumerable.Range(0, 70).Select(d => (double)(700 - d)), WidePreferences.Encode(read.Requested).Select(v => v.Number));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(66)]
    [InlineData(70)]
    public void Decoding_fewer_values_than_dimensions_keeps_the_record_defaults_for_the_rest(int count)
    {
        var values = Enumerable.Range(0, count).Select(d => DimensionValue.OfNumber(900 + d)).ToArray();
        var decoded = WidePreferences.Encode(WidePreferences.Decode(values));
        for (var d = 0; d < 70; d++)
        {
            Assert.Equal(d < count ? 900 + d : d, decoded[d].Number);
        }
    }
}
