using System;
using BenchmarkDotNet.Attributes;
using PolicyAsCode.Benchmarks.Workload;
using PolicyAsCode.Json;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>
/// Hostile input at bounded cost: the generated <c>ReadPreferences</c> on each 64 KiB hostile document of
/// <see cref="HostileDocuments"/>, against the plain one of unknown names as the baseline (issue 19: the worst costs at
/// most 3× the plain one, in time and allocation). A plain document of errors is the fair baseline: any 64 KiB document
/// with 32 errors records 32, and a valid document of that size can only be white space. The allocation half is also a
/// test (<c>ReaderCostTests</c>); time is only measured here.
/// </summary>
[MemoryDiagnoser]
public class PreferencesJsonHostile
{
    private static readonly PolicyContext Context = PolicyContext.In("EU");

    private readonly byte[][] _documents = new byte[HostileDocuments.All.Count][];

    [GlobalSetup]
    public void Setup()
    {
        foreach (var document in HostileDocuments.All)
        {
            var bytes = HostileDocuments.Of(document);
            var read = LearnerPreferences.ReadPreferences(bytes, Context);
            if (bytes.Length > HostileDocuments.Size || read.IsValid)
            {
                throw new InvalidOperationException($"{document}: {bytes.Length} bytes, valid {read.IsValid}: not a hostile document within the limit");
            }

            _documents[(int)document] = bytes;
        }
    }

    [Benchmark(Baseline = true)]
    public PreferencesReadResult<LearnerPreferences> PlainUnknownNames() => Read(HostileDocument.PlainUnknownNames);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> LoneSurrogateNames() => Read(HostileDocument.LoneSurrogateNames);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> LoneSurrogateFlags() => Read(HostileDocument.LoneSurrogateFlags);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> BadFlagNames() => Read(HostileDocument.BadFlagNames);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> WrongTypesInASet() => Read(HostileDocument.WrongTypesInASet);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> DeepNesting() => Read(HostileDocument.DeepNesting);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> DuplicateKeys() => Read(HostileDocument.DuplicateKeys);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> LongEscapedNames() => Read(HostileDocument.LongEscapedNames);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> OneLongEscapedString() => Read(HostileDocument.OneLongEscapedString);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> ControlCharacterNames() => Read(HostileDocument.ControlCharacterNames);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> InvalidUtf8Names() => Read(HostileDocument.InvalidUtf8Names);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> ErrorsThenSyntaxError() => Read(HostileDocument.ErrorsThenSyntaxError);

    private PreferencesReadResult<LearnerPreferences> Read(HostileDocument document) => LearnerPreferences.ReadPreferences(_documents[(int)document], Context);
}
