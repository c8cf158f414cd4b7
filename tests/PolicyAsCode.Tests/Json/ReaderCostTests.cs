using System;
using System.Linq;
using System.Runtime.ExceptionServices;
using PolicyAsCode.Benchmarks.Workload;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;
using static PolicyAsCode.Json.PreferenceErrorKind;

namespace PolicyAsCode.Json.Tests;

/// <summary>
/// Hostile input at bounded cost: the worst 64 KiB documents cost the reader at most 3× a plain one of unknown names
/// in allocation (time is measured by the <c>PreferencesJsonHostile</c> benchmark, never asserted here), throw no
/// exception per hostile name, and build nothing for an error past the cap. Allocations are counted on this thread,
/// exactly, after a warm-up.
/// </summary>
public sealed class ReaderCostTests(ITestOutputHelper output)
{
    private const int Reads = 4;

    private static readonly PolicyContext Context = PolicyContext.In("EU");

    public static TheoryData<HostileDocument> Documents => [.. HostileDocuments.All.Where(d => d != HostileDocument.PlainUnknownNames)];

    [Fact]
    public void Every_hostile_document_fills_64_KiB_and_is_read_to_its_end()
    {
        foreach (var document in HostileDocuments.All)
        {
            var bytes = HostileDocuments.Of(document);
            Assert.InRange(bytes.Length, HostileDocuments.Size - 1_100, HostileDocuments.Size);
            var read = LearnerPreferences.ReadPreferences(bytes, Context);
            Assert.True(read.TooManyErrors || read.Errors.Count > 0, $"{document}: no error");
            Assert.DoesNotContain(read.Errors, e => e.Kind is TooLarge or TooDeep);
            // The syntax error comes after the cap: not recorded, but every dimension is unreadable.
            Assert.Equal(document == HostileDocument.ErrorsThenSyntaxError, Invariants.All.All(read.Unreadable.Contains));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_hostile_64_KiB_document_allocates_at_most_three_times_a_plain_one(HostileDocument document)
    {
        var plain = HostileDocuments.Of(HostileDocument.PlainUnknownNames);
        var hostile = HostileDocuments.Of(document);
        foreach (var (reader, read) in Readers)
        {
            var baseline = AllocatedPerRead(read, plain);
            var measured = AllocatedPerRead(read, hostile);
            output.WriteLine($"{reader}: {document} {measured:N0} B, plain {baseline:N0} B, ratio {(double)measured / baseline:F2}");
            Assert.True(measured <= 3 * baseline, $"{reader}: {document} allocates {measured:N0} B per read, {(double)measured / baseline:F2}× the plain document's {baseline:N0} B");
        }
    }

    [Fact]
    public void Escaped_lone_surrogate_names_throw_no_exception_before_or_after_the_error_cap()
    {
        foreach (var document in new[] { HostileDocument.LoneSurrogateNames, HostileDocument.LoneSurrogateFlags })
        {
            var bytes = HostileDocuments.Of(document);
            foreach (var (reader, read) in Readers)
            {
                read(bytes);
                var thrown = ExceptionsOnThisThread(() => read(bytes));
                Assert.True(thrown == 0, $"{reader}: {document} threw {thrown} first-chance exceptions");
            }
        }

        var names = LearnerPreferences.ReadPreferences(HostileDocuments.Of(HostileDocument.LoneSurrogateNames), Context);
        Assert.True(names.TooManyErrors);
        Assert.All(names.Errors, e => Assert.Equal((UnknownProperty, "$['\\ud800x']", "\"\\ud800x\" names no dimension; it is ignored."), (e.Kind, e.Path, e.Message)));
        var flags = LearnerPreferences.ReadPreferences(HostileDocuments.Of(HostileDocument.LoneSurrogateFlags), Context);
        Assert.StartsWith("avoidHazards[0]: \"\\ud800x\" must be one of \"ViolentCrimes\", ", flags.Errors[0].Message);
        Assert.True(flags.Unreadable.Contains(LearnerPreferences.Registry.Dimensions.Single(d => d.Name == "AvoidHazards").Index));
    }

    [Theory]
    [InlineData("{\"avoidHazards\":[", "\"nope\"", "]}")]
    [InlineData("{\"topics\":[", "1", "]}")]
    [InlineData("{\"topics\":[", "\"Science\"", "]}")] // listed twice, from the second on
    [InlineData("{", "\"k\":0", "}")]
    [InlineData("{", "\"\\ud800x\":0", "}")]
    [InlineData("{", "\"tone\":1", "}")] // a wrong type, then duplicates
    public void Errors_past_the_cap_build_nothing(string open, string item, string close)
    {
        // 40 items fill the cap of 32 errors; 9,000 more may cost nothing more than skipping them.
        var few = Invariants.Utf8(open + string.Join(",", Enumerable.Repeat(item, 40)) + close);
        var many = Invariants.Utf8(open + string.Join(",", Enumerable.Repeat(item, 9_040)) + close);
        var roomy = new PreferencesReaderOptions { MaxBytes = 1 << 20 };
        foreach (var (reader, read) in Readers)
        {
            Func<byte[], object> withRoom = reader == "generated"
                ? bytes => LearnerPreferences.ReadPreferences(bytes, Context, roomy)
                : bytes => PreferencesJson.Read(LearnerPreferences.Registry, bytes, Context, roomy);
            var result = LearnerPreferences.ReadPreferences(many, Context, roomy);
            Assert.True(result.TooManyErrors);
            Assert.Equal(PreferencesReaderOptions.DefaultMaxErrors, result.Errors.Count);
            Assert.Equal(AllocatedPerRead(withRoom, few), AllocatedPerRead(withRoom, many));
        }
    }

    private static (string Name, Func<byte[], object> Read)[] Readers =>
    [
        ("generated", bytes => LearnerPreferences.ReadPreferences(bytes, Context)),
        ("registry-driven", bytes => PreferencesJson.Read(LearnerPreferences.Registry, bytes, Context)),
    ];

    // The steady state: the least of several rounds, so that a one-off allocation of the runtime's own (a method
    // tiering up, a lazily made cache) landing in one round cannot pass for a cost of the document.
    private static long AllocatedPerRead(Func<byte[], object> read, byte[] document)
    {
        GC.KeepAlive(read(document));
        GC.KeepAlive(read(document));
        var least = long.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Reads; i++)
            {
                GC.KeepAlive(read(document));
            }

            least = Math.Min(least, (GC.GetAllocatedBytesForCurrentThread() - before) / Reads);
        }

        return least;
    }

    // First-chance exceptions raised on this thread while running action (other tests run on other threads).
    private static int ExceptionsOnThisThread(Action action)
    {
        var thread = Environment.CurrentManagedThreadId;
        var count = 0;
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                count++;
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            action();
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        return count;
    }
}
