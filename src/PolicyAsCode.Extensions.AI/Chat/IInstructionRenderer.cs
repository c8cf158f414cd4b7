using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI;

/// <summary>Turns a user's resolution into the system instructions sent to the model. Replace it to write your own.</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public interface IInstructionRenderer<TPreferences>
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <summary>The instructions for a request resolved to <paramref name="resolution"/> by <paramref name="snapshot"/>; null or empty sends none.</summary>
    string? Render(PolicySnapshot<TPreferences> snapshot, in Resolution<TPreferences> resolution, in PolicyContext context);
}
