using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// What one phase of a run cost: wall time, the CPU time of the whole process (every thread, the GC's included) and of
/// the calling thread alone (the generator and the analyser's compilation start run on it: on a loaded machine this
/// is the steadiest figure, as it counts neither waiting for a core nor other threads), allocation and GC pauses.
/// </summary>
internal readonly record struct Cost(double Wall, double Cpu, double ThreadCpu, double Mb, double GcPause, int Gen0 = 0, int Gen1 = 0, int Gen2 = 0, long PageFaults = 0)
{
    public static Cost operator +(Cost a, Cost b) =>
        new(a.Wall + b.Wall, a.Cpu + b.Cpu, a.ThreadCpu + b.ThreadCpu, a.Mb + b.Mb, a.GcPause + b.GcPause, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2, a.PageFaults + b.PageFaults);

    // Collections of each generation that ended in the phase (a gen 1 collection also counts as gen 0, as the runtime
    // counts); the calling thread's minor page faults (memory the kernel maps and zeroes on first touch, on its CPU time).
    public override string ToString() => $"wall {Wall,6:0}, CPU {Cpu,6:0}, thread CPU {ThreadCpu,6:0}, GC pauses {GcPause,4:0} ({Gen0}/{Gen1}/{Gen2}), {Mb,5:0} MB, {PageFaults,6} page faults";
}

internal sealed class Meter
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _cpu;
    private double _threadCpu;
    private long _bytes;
    private TimeSpan _pause;
    private readonly int[] _collections = new int[3];
    private readonly long _faults;

    public Meter()
    {
        _faults = ThreadPageFaults();
        _process.Refresh();
        _cpu = _process.TotalProcessorTime;
        _threadCpu = ThreadCpuMs();
        _bytes = GC.GetTotalAllocatedBytes(precise: false);
        _pause = GC.GetTotalPauseDuration();
        for (var g = 0; g < 3; g++)
        {
            _collections[g] = GC.CollectionCount(g);
        }

        _clock.Restart();
    }

    public Cost Stop()
    {
        var wall = _clock.Elapsed.TotalMilliseconds;
        var threadCpu = ThreadCpuMs() - _threadCpu;
        _process.Refresh();
        return new Cost(
            wall,
            (_process.TotalProcessorTime - _cpu).TotalMilliseconds,
            threadCpu,
            (GC.GetTotalAllocatedBytes(precise: false) - _bytes) / 1048576.0,
            (GC.GetTotalPauseDuration() - _pause).TotalMilliseconds,
            GC.CollectionCount(0) - _collections[0],
            GC.CollectionCount(1) - _collections[1],
            GC.CollectionCount(2) - _collections[2],
            ThreadPageFaults() - _faults);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResident, SharedText, UnsharedData, UnsharedStack, MinorFaults, MajorFaults;
        public long Swaps, BlocksIn, BlocksOut, MessagesSent, MessagesReceived, Signals, VoluntarySwitches, InvoluntarySwitches;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    // RUSAGE_THREAD on Linux; 0 elsewhere.
    private static long ThreadPageFaults() =>
        OperatingSystem.IsLinux() && GetResourceUsage(1, out var usage) == 0 ? usage.MinorFaults : 0;

    // CLOCK_THREAD_CPUTIME_ID on Linux; NaN elsewhere.
    private static double ThreadCpuMs() =>
        OperatingSystem.IsLinux() && ClockGetTime(3, out var time) == 0 ? (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6) : double.NaN;
}
