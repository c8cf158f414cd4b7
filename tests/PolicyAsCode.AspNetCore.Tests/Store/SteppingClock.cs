using System;
using System.Threading;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>A clock that starts at a fixed instant (with sub-microsecond ticks) and moves one second per reading.</summary>
internal sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private long readings;

    public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref readings) - 1);
}
