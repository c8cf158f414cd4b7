using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Records;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Records;

public class FileSinkTests
{
    private static DecisionRecord Sample(int i) =>
        RecordSupport.Resolve(RecordSupport.Recorder(new ListSink()), new LearnerPreferences { MemoryDays = i % 30 }, Learners.EuAdult);

    [Fact]
    public async Task Rotation_keeps_at_most_the_files_and_bytes_asked_for_and_drops_the_oldest()
    {
        using var folder = new TempFolder();
        var path = folder.File("decisions.jsonl");
        var template = Sample(20);
        var records = Enumerable.Range(0, 200).Select(i => template with { Id = i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        var lineBytes = DecisionRecordJson.ToUtf8Line(records[0]).Length + 1;
        var maxBytes = lineBytes * 5 + lineBytes / 2; // five lines fit, a sixth does not

        await using (var sink = new JsonLinesDecisionRecordSink(path, maxBytes, maxFiles: 3))
        {
            foreach (var record in records)
            {
                sink.Write(record);
            }

            await sink.FlushAsync();
            Assert.Equal(0, sink.Failures);
        }

        var files = folder.Files();
        Assert.Equal(new[] { path, JsonLinesDecisionRecordSink.RotatedPath(path, 1), JsonLinesDecisionRecordSink.RotatedPath(path, 2) }.Order(StringComparer.Ordinal), files);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= maxBytes, $"{f} holds {new FileInfo(f).Length} bytes"));

        // Oldest first: name.2, name.1, name: the last 15 records, in order, each line whole.
        var kept = new[] { JsonLinesDecisionRecordSink.RotatedPath(path, 2), JsonLinesDecisionRecordSink.RotatedPath(path, 1), path }
            .SelectMany(File.ReadAllLines)
            .Select(l => DecisionRecordJson.TryRead(l).Record!.Id)
            .ToList();
        Assert.Equal(records.Skip(185).Select(r => r.Id), kept);
    }

    [Fact]
    public async Task An_existing_file_is_appended_to_and_a_record_too_large_for_a_file_is_dropped_and_counted()
    {
        using var folder = new TempFolder();
        var path = folder.File("records.jsonl");
        var first = Sample(1);
        await using (var sink = new JsonLinesDecisionRecordSink(path))
        {
            sink.Write(first);
        }

        var big = Sample(2) with { Content = new string('x', 4096) };
        await using (var sink = new JsonLinesDecisionRecordSink(path, maxBytesPerFile: 2048))
        {
            sink.Write(big);
            sink.Write(Sample(3));
            await sink.FlushAsync();
            Assert.Equal(1, sink.Failures);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal(first.Id, DecisionRecordJson.TryRead(lines[0]).Record!.Id);
        Assert.DoesNotContain(lines, l => l.Contains("xxxx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_writers_produce_whole_lines()
    {
        using var folder = new TempFolder();
        var path = folder.File("concurrent.jsonl");
        var template = Sample(4) with { Content = new string('y', 700) };
        const int Threads = 8;
        const int PerThread = 400;

        await using (var sink = new JsonLinesDecisionRecordSink(path, queueCapacity: Threads * PerThread))
        {
            Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
            {
                for (var i = 0; i < PerThread; i++)
                {
                    sink.Write(template with { Id = $"{t}-{i}" });
                }
            });
            await sink.FlushAsync();
            Assert.Equal(0, sink.Failures);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(Threads * PerThread, lines.Length);
        var ids = lines.Select(l => DecisionRecordJson.TryRead(l)).Select(r => r.Record?.Id ?? throw new InvalidOperationException(r.Error)).ToList();
        Assert.Equal(Threads * PerThread, ids.Distinct().Count());

        // Each thread's records stay in the order it wrote them.
        for (var t = 0; t < Threads; t++)
        {
            var mine = ids.Where(id => id.StartsWith($"{t}-", StringComparison.Ordinal)).Select(id => int.Parse(id[(id.IndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, PerThread), mine);
        }
    }

    [Fact]
    public async Task A_failing_sink_is_counted_and_logged_and_the_others_still_get_the_record()
    {
        var kept = new ListSink();
        var loggers = new CapturingLoggerFactory();
        var recorder = new PolicyDecisionRecorder([new ThrowingSink(), kept], null, loggers);

        var record = RecordSupport.Resolve(recorder, new LearnerPreferences(), Learners.UsAdult);

        Assert.NotNull(record);
        Assert.Single(kept.Records);
        Assert.Equal(1, recorder.Failures);
        var entry = Assert.Single(loggers.Logger.Entries, e => e.EventId.Id == 4131);
        Assert.Equal("sink", entry["ErrorType"]);
        Assert.Equal("System.IO.IOException", entry["ExceptionType"]);
        await recorder.FlushAsync();
    }

    [Fact]
    public void Writing_after_the_sink_is_closed_loses_the_record_without_throwing()
    {
        using var folder = new TempFolder();
        var sink = new JsonLinesDecisionRecordSink(folder.File("closed.jsonl"));
        sink.Dispose();

        sink.Write(Sample(5));

        Assert.Equal(1, sink.Failures);
    }
}
