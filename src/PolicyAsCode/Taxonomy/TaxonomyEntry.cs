namespace PolicyAsCode;

/// <summary>One entry of a catalogue: a stable id, a short title, the level it falls on and one line of description.</summary>
/// <param name="Id">Stable id, e.g. <c>benefit.individual.efficiency</c> or <c>hazard.S4</c>.</param>
/// <param name="Title">Short human title.</param>
/// <param name="Level">Individual or societal (hazards: individual).</param>
/// <param name="Description">One line, in plain words.</param>
public sealed record TaxonomyEntry(string Id, string Title, TaxonomyLevel Level, string Description);
