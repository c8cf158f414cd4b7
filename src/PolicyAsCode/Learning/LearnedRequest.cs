// serve: placeholder until learn merges
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>A request with learned values layered under the explicit ones.</summary>
/// <typeparam name="T">The policy's user-tier record.</typeparam>
/// <param name="Requested">What to resolve.</param>
/// <param name="Applied">Learned values used in the request.</param>
/// <param name="Ignored">Learned values not used, each with why.</param>
public sealed record LearnedRequest<T>(T Requested, IReadOnlyList<LearnedChange> Applied, IReadOnlyList<IgnoredChange> Ignored);
