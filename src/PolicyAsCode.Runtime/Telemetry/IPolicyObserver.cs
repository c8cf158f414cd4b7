namespace PolicyAsCode.Runtime;

/// <summary>
/// Told of every resolution and decision the runtime makes for a policy: by the chat middleware (each turn's resolution
/// and each decision on input and output) and by ASP.NET Core's <c>CurrentResolution</c> (each request's resolution).
/// Register one with <c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IPolicyObserver&lt;T&gt;, ...&gt;())</c>;
/// societal monitoring (<see cref="SocietalMonitor{TPreferences}"/>) is one. Observers run on the request path: they
/// must be fast, thread-safe and must not throw.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public interface IPolicyObserver<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <summary>A resolution was made on <paramref name="snapshot"/> of <paramref name="requested"/> (null: nothing readable) in <paramref name="context"/>.</summary>
    void OnResolution(PolicySnapshot<TPreferences> snapshot, TPreferences? requested, DimensionSet unreadable, in PolicyContext context, in Resolution<TPreferences> resolution);

    /// <summary>A decision was made on content at <paramref name="stage"/>, against <paramref name="resolution"/>.</summary>
    void OnDecision(PolicySnapshot<TPreferences> snapshot, in Resolution<TPreferences> resolution, in Decision decision, ContentStage stage);
}
