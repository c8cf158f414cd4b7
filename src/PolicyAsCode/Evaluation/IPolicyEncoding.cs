namespace PolicyAsCode;

/// <summary>
/// What a resolution needs to explain itself when asked: the policy it was resolved against and how its preferences
/// read as dimension values. One instance serves every resolution of a policy (<see cref="PolicyEncoding{TPreferences}"/>
/// for a compiled one), so keeping it costs a resolution nothing.
/// </summary>
/// <typeparam name="TPreferences">The preferences: a user-tier record, or for the interpreter the encoded values.</typeparam>
public interface IPolicyEncoding<in TPreferences>
    where TPreferences : class
{
    /// <summary>The policy resolved against (with an overlay in force, the overlaid registry).</summary>
    PolicyRegistry Registry { get; }

    /// <summary>The preferences' dimension values, encoded on their lattices, in dimension order.</summary>
    DimensionValue[] Encode(TPreferences preferences);
}
