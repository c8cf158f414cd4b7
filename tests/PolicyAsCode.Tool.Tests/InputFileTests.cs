using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// Preferences and context files are read at bounded cost (at most the 64 KiB limit and one byte, whatever the
/// file), without waiting for a pipe's writer, and alike: both accept a byte-order mark, neither lets a repeated key
/// silently win.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class InputFileTests(PolicyAssemblies policies)
{
    private const int Limit = 64 * 1024;

    private string Folder => Directory.CreateDirectory(Path.Combine(policies.Folder, "inputs")).FullName;

    private string File(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    // pac runs on this thread from parsing to printing, so this thread's allocations are the run's.
    private static (PacRun Run, long Allocated) Measured(params string[] args)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var run = PacRun.Of(args);
        return (run, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertReadNoFurtherThanTheLimit(PacRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("TooLarge", run.Output, StringComparison.Ordinal);
        Assert.Contains($"is larger than {Limit} bytes: pac read only its first {Limit + 1}", run.Output, StringComparison.Ordinal);
        Assert.Equal("failed closed", run.Row("Maturity")[3]);
    }

    [Fact]
    public void A_200_MB_preferences_file_is_read_no_further_than_the_limit()
    {
        var path = Path.Combine(Folder, "huge.json");
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.SetLength(200L * 1024 * 1024);   // sparse where the file system allows: cheap to make, 200 MB to read
        }

        var small = Measured("resolve", policies.QuickStart, "--prefs", File("small.json", "{}"));
        var huge = Measured("resolve", policies.QuickStart, "--prefs", path);

        Assert.True(small.Run.ExitCode == 0, small.Run.ToString());
        AssertReadNoFurtherThanTheLimit(huge.Run);
        Assert.True(huge.Allocated < small.Allocated + (4 * Limit), $"{huge.Allocated} bytes allocated for a 200 MB file, {small.Allocated} for an empty document");
    }

    [Fact]
    public void An_endless_stream_is_read_no_further_than_the_limit()
    {
        if (!System.IO.File.Exists("/dev/zero"))
        {
            return;   // Windows has no /dev/zero; the 200 MB file test covers the bound there
        }

        var small = Measured("resolve", policies.QuickStart, "--prefs", File("small2.json", "{}"));
        var zero = Measured("resolve", policies.QuickStart, "--prefs", "/dev/zero");
        var context = PacRun.Of("schema", policies.QuickStart, "--context", "/dev/zero");

        AssertReadNoFurtherThanTheLimit(zero.Run);
        Assert.True(zero.Allocated < small.Allocated + (4 * Limit), $"{zero.Allocated} bytes allocated for /dev/zero, {small.Allocated} for an empty document");
        Assert.True(context.ExitCode == 2, context.ToString());
        Assert.Contains("/dev/zero: unreadable context file: it is larger than 65536 bytes", context.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_pipe_with_no_writer_does_not_block()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;   // pac opens without waiting for a writer on Linux only (docs/pac.md)
        }

        var fifo = Path.Combine(Folder, "no-writer.fifo");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var running = Task.Run(() => PacRun.Of("resolve", policies.QuickStart, "--prefs", fifo));

        // Not a timing assertion: a generous guard, so that a regression fails instead of hanging the test run.
        var first = await Task.WhenAny(running, Task.Delay(TimeSpan.FromMinutes(2)));
        if (first != running)
        {
            await using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);   // lets the blocked open return
        }

        Assert.True(first == running, "pac waited for a writer of the named pipe");
        var run = await running;
        Assert.True(run.ExitCode == 2, run.ToString());   // read as empty: a document with no JSON is malformed, bad input
        Assert.Contains("no-writer.fifo: unreadable preferences file: The document is not well-formed JSON: The input does not contain any JSON tokens", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_is_bad_input_named_as_such()
    {
        var prefs = PacRun.Of("resolve", policies.QuickStart, "--prefs", Folder);
        var context = PacRun.Of("schema", policies.QuickStart, "--context", Folder);

        Assert.True(prefs.ExitCode == 2, prefs.ToString());
        Assert.Contains("is a directory, not a preferences file", prefs.Error, StringComparison.Ordinal);
        Assert.True(context.ExitCode == 2, context.ToString());
        Assert.Contains("is a directory, not a context file", context.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_file_with_a_byte_order_mark_is_read_like_a_preferences_file()
    {
        const string context = """{ "jurisdiction": "EU", "facts": ["Minor"] }""";
        const string prefs = """{ "maturity": "Mature" }""";
        var withMark = Path.Combine(Folder, "bom-context.json");
        System.IO.File.WriteAllBytes(withMark, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(context)]);
        var prefsWithMark = Path.Combine(Folder, "bom-prefs.json");
        System.IO.File.WriteAllBytes(prefsWithMark, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(prefs)]);

        var run = PacRun.Of("resolve", policies.QuickStart, "--prefs", prefsWithMark, "--context", withMark);
        var without = PacRun.Of("resolve", policies.QuickStart, "--prefs", File("plain-prefs.json", prefs), "--context", File("plain-context.json", context));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("in EU; holds: Minor", run.Output, StringComparison.Ordinal);
        Assert.Equal(without.Row("Maturity"), run.Row("Maturity"));
        Assert.Equal(["Maturity", "Mature", "Teen", "clamped", "AtMost(Maturity.Teen) (when Minor)", "law of EU"], run.Row("Maturity"));
    }

    [Theory]
    [InlineData("""{ "jurisdiction": "EU", "jurisdiction": "US" }""", "jurisdiction")]
    [InlineData("""{ "facts": ["Minor"], "facts": [] }""", "facts")]
    [InlineData("""{ "known": [], "kn\u006fwn": ["Minor"] }""", "known")]
    public void A_repeated_key_in_a_context_file_is_bad_input_not_last_wins(string text, string key)
    {
        var run = PacRun.Of("schema", policies.QuickStart, "--context", File("dup-" + key + ".json", text));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Output);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains($"unreadable context file: the field \"{key}\" is given twice", run.Error, StringComparison.Ordinal);
    }
}
