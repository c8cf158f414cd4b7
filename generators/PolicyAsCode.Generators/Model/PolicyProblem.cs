namespace PolicyAsCode.Generators.Model;

/// <summary>
/// Something wrong with a policy, found while building the model. Analysers report them all; the generator uses
/// <see cref="BlocksEmission"/> to emit nothing rather than something misleading, and then reports the blocking ones
/// itself, so a policy never goes without its evaluator silently.
/// </summary>
/// <param name="Id">The diagnostic id the analysers report it under (PAC0003, …).</param>
/// <param name="Message">A plain sentence.</param>
/// <param name="Location">Where, when known.</param>
/// <param name="BlocksEmission">Whether the model is unsound, so no evaluator may be emitted.</param>
/// <param name="UnmatchedProperty">For a tier property matching no dimension: its tier type and name, so analysers can
/// tell whether another user tier below the same tier has that dimension.</param>
internal sealed record PolicyProblem(string Id, string Message, SourceLocation? Location, bool BlocksEmission, string? UnmatchedProperty = null);
