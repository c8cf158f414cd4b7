using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolicyAsCode.Runtime;

/// <summary>
/// Reports whether the runtime overlay configured for a policy is the one in force. Unhealthy when the last overlay
/// read from configuration was rejected, or the section disappeared or could not be read: the previous overlay then
/// stays in force (the policy never loosens silently), but what operators configured is not what runs. Registered as a
/// singleton by <c>AddPolicy</c>; add it with <c>services.AddHealthChecks().AddCheck&lt;PolicyOverlayHealthCheck&lt;T&gt;&gt;("policy-overlay")</c>.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicyOverlayHealthCheck<TPreferences>(PolicyEngine<TPreferences> engine) : IHealthCheck
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = engine.Current;
        var data = new Dictionary<string, object>
        {
            ["policy"] = TPreferences.Registry.Name,
            ["version"] = current.Version,
            ["overlaid"] = current.IsOverlaid,
        };
        var problem = engine.ConfiguredOverlayProblem;
        return Task.FromResult(problem is null
            ? HealthCheckResult.Healthy($"policy {current.Version} in force as configured", data)
            : HealthCheckResult.Unhealthy($"policy {current.Version} stays in force: {problem}", data: data));
    }
}
