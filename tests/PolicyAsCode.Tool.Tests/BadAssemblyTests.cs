using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// Whatever file pac is given as a policy assembly, a bad one is bad input: exit 2 and one line that says why, never an
/// internal error (exit 3) or a stack trace.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class BadAssemblyTests(PolicyAssemblies policies)
{
    [Fact]
    public void Directory_given_as_the_assembly_is_bad_input()
    {
        var directory = Path.GetDirectoryName(policies.QuickStart)!;

        PolicyDataTests.AssertBadInput(PacRun.Of("card", directory), "is a directory, not an assembly");
        PolicyDataTests.AssertBadInput(PacRun.Of("diff", policies.QuickStart, directory), "is a directory, not an assembly");
    }

    [Fact]
    public void File_that_is_not_a_dotnet_assembly_is_bad_input()
    {
        var empty = Write("empty.dll", []);
        var dosStub = Write("stub.dll", [(byte)'M', (byte)'Z', .. new byte[200]]);
        var random = Write("random.dll", Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) >> 3)).ToArray());

        PolicyDataTests.AssertBadInput(PacRun.Of("card", empty), "empty.dll", "not a .NET assembly");
        PolicyDataTests.AssertBadInput(PacRun.Of("verify", dosStub), "stub.dll", "not a .NET assembly");
        PolicyDataTests.AssertBadInput(PacRun.Of("schema", random), "random.dll", "not a .NET assembly");
    }

    [Fact]
    public void Corrupted_metadata_is_bad_input()
    {
        var image = File.ReadAllBytes(policies.QuickStart);
        var signature = IndexOf(image, "BSJB"u8);
        Assert.True(signature > 0);
        image[signature] ^= 0xFF;

        PolicyDataTests.AssertBadInput(PacRun.Of("card", Write("corrupt-metadata.dll", image)), "corrupt-metadata.dll", "corrupted");
    }

    [Fact]
    public void Truncated_assembly_is_bad_input()
    {
        var image = File.ReadAllBytes(policies.QuickStart);

        PolicyDataTests.AssertBadInput(PacRun.Of("card", Write("truncated.dll", image[..(image.Length / 2)])), "truncated.dll");
    }

    [Fact]
    public void Any_one_byte_changed_is_read_or_bad_input_never_a_crash()
    {
        // One byte changed anywhere (headers, tables, heaps, the policy data): pac reads what is left or refuses it on one line.
        var original = File.ReadAllBytes(policies.QuickStart);
        var path = Path.Combine(policies.Folder, "one-byte.dll");
        var offsets = Enumerable.Range(0, 1024).Select(i => (int)((long)i * original.Length / 1024)).Concat(Enumerable.Range(0, 512)).Distinct();
        var failures = new List<string>();
        foreach (var offset in offsets)
        {
            var image = (byte[])original.Clone();
            image[offset] ^= 0xA5;
            File.WriteAllBytes(path, image);
            var run = PacRun.Of("verify", path);
            var oneLine = run.Error.Length == 0 || run.Error.TrimEnd('\n').IndexOf('\n', StringComparison.Ordinal) < 0;
            if (run.ExitCode is not (PacApp.Ok or PacApp.Conflicts or PacApp.BadInput) || !oneLine || run.Error.Contains("internal error", StringComparison.Ordinal))
            {
                failures.Add($"offset {offset}: {run}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(3)));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(policies.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
