namespace PolicyAsCode;

/// <summary>One hazard category as a policy names it: a shipped MLCommons category or one of the project's own.</summary>
/// <param name="Hazard">Its bit.</param>
/// <param name="Id">Its stable taxonomy identifier, e.g. <c>hazard.S10</c>.</param>
/// <param name="Code">Its code, e.g. <c>S10</c>, or the project's code.</param>
/// <param name="Title">Its title (a project category's code, which is all it has).</param>
/// <param name="Description">What it covers.</param>
/// <param name="IsShipped">Whether it is one of the 14 shipped categories.</param>
public readonly record struct HazardName(Hazard Hazard, string Id, string Code, string Title, string Description, bool IsShipped);
