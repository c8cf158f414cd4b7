using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>A learned change that was not used, and why.</summary>
/// <param name="Change">The change.</param>
/// <param name="Why">Why not, in words: the user chose the value, or the policy does not let it be learned here.</param>
public sealed record IgnoredChange(LearnedChange Change, string Why);

/// <summary>
/// The request to resolve once explicit choices, learned values and defaults are layered
/// (<see cref="LearnedLayers.Compose"/>), with what was learned and used, and what was learned and not used.
/// </summary>
/// <typeparam name="T">The user-tier record.</typeparam>
/// <param name="Requested">The request: resolve it like any other, so every bound applies.</param>
/// <param name="Applied">The learned values in <paramref name="Requested"/>, each with the value actually used.</param>
/// <param name="Ignored">The learned values left out, each with why.</param>
public sealed record LearnedRequest<T>(T Requested, IReadOnlyList<LearnedChange> Applied, IReadOnlyList<IgnoredChange> Ignored);
