namespace PolicyAsCode.Generators.Model;

/// <summary>A project-defined benefit or risk, as its <c>[BenefitCategory]</c> or <c>[RiskCategory]</c> declares it.</summary>
/// <param name="Member">Its enum number, 9001 (<c>Custom1</c>) to 9008 (<c>Custom8</c>).</param>
/// <param name="Id">Its stable id, e.g. <c>benefit.societal.civic-trust</c>.</param>
/// <param name="Level">0 individual, 1 societal.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">Its one line of description.</param>
internal sealed record TaxonomyModel(int Member, string Id, int Level, string Title, string Description);
