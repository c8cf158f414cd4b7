namespace PolicyAsCode;

/// <summary>
/// The user's own hazard list (a dimension of type <c>Hazard</c>) protects the user: every hazard on it is refused.
/// Listing more is always stricter, so a tier may require hazards on it (<c>AtLeast</c>) but never cap it: a bound that
/// permits only some hazards would strip the others from what a user asked to avoid, and would make an unreadable list
/// fail closed to those few instead of to every hazard. The overlay compiler and the analysers (PAC0014) both ask this.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class AvoidList
{
    /// <summary>
    /// The hazards of <paramref name="domain"/> (the hazard list's type) that <paramref name="bound"/> does not permit:
    /// the ones a user could no longer ask to avoid under it. Zero when the bound caps nothing.
    /// </summary>
    public static ulong Capped(Bound domain, Bound bound) => domain.Ceiling & ~bound.Ceiling;

    /// <summary>
    /// Whether changing a policy as <paramref name="after"/> does leaves every hazard a user could ask to avoid on
    /// <paramref name="dimension"/> (a hazard list) still permitted, in every jurisdiction (the fail-closed one, where
    /// every law applies, included) and every context. <see cref="OverrideCheck.NeverWidens"/> compares by inclusion,
    /// under which a cap looks like a narrowing; a bound that contradicts another and is skipped can cap the list in
    /// some contexts only, so every context is asked.
    /// </summary>
    public static bool NeverCaps(PolicyShape before, PolicyShape after, int dimension) =>
        OverrideCheck.KeepsEverywhere(before, after, dimension, static (was, now) => Capped(was, now) == 0);
}
