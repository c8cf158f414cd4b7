using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>
/// The request to resolve once explicit choices, learned values and defaults are layered
/// (<see cref="LearnedLayers.Compose"/>), with what was learned and used, and what was learned and not used.
/// </summary>
/// <typeparam name="T">The user-tier record.</typeparam>
/// <param name="Requested">The request: resolve it like any other, so every bound applies.</param>
/// <param name="Applied">The learned values in <paramref name="Requested"/>, each with the value actually used.</param>
/// <param name="Ignored">The learned values left out, each with why.</param>
public sealed record LearnedRequest<T>(T Requested, IReadOnlyList<LearnedChange> Applied, IReadOnlyList<IgnoredChange> Ignored);
