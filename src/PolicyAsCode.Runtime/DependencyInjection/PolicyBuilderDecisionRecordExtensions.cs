using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyAsCode;
using PolicyAsCode.Json;
using PolicyAsCode.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds decision records to a policy registered with <c>AddPolicy</c>.</summary>
public static class PolicyBuilderDecisionRecordExtensions
{
    /// <summary>
    /// Records every resolution and decision the chat middleware (and, in ASP.NET Core, the request's resolution) makes:
    /// registers <see cref="PolicyDecisionRecorder"/> (a singleton) with the options <paramref name="configure"/> sets,
    /// for example <c>o =&gt; { o.Path = "records/decisions.jsonl"; o.RedactedDimensions.Add("memoryDays"); }</c>.
    /// A redacted dimension the policy does not have fails the options (when the recorder is first made), so a typo
    /// never leaks a value.
    /// </summary>
    public static PolicyBuilder<TPreferences> AddDecisionRecords<TPreferences>(this PolicyBuilder<TPreferences> policy, Action<PolicyDecisionRecordOptions>? configure = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(policy);
        var options = policy.Services.AddOptions<PolicyDecisionRecordOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(
            o => o.RedactedDimensions.All(name => TPreferences.Registry.Dimensions.Any(d => string.Equals(PreferenceNames.JsonName(d.Name), name, StringComparison.OrdinalIgnoreCase))),
            $"PolicyDecisionRecordOptions.RedactedDimensions names a dimension {TPreferences.Registry.Name} does not have; its dimensions are: "
            + string.Join(", ", TPreferences.Registry.Dimensions.Select(d => PreferenceNames.JsonName(d.Name))) + ".");
        options.Validate(o => o.MaxFiles >= 1 && o.MaxBytesPerFile >= 256 && o.QueueCapacity >= 1, "PolicyDecisionRecordOptions: MaxFiles and QueueCapacity must be at least 1 and MaxBytesPerFile at least 256.");
        policy.Services.TryAddSingleton(sp => new PolicyDecisionRecorder(
            sp.GetServices<IDecisionRecordSink>(),
            sp.GetService<IOptions<PolicyDecisionRecordOptions>>(),
            sp.GetService<ILoggerFactory>(),
            sp.GetService<PolicyTelemetry>()));
        return policy;
    }

    /// <summary>Adds <paramref name="sink"/> to the sinks every record goes to (in addition to the file and log the options name).</summary>
    public static PolicyBuilder<TPreferences> AddDecisionRecordSink<TPreferences>(this PolicyBuilder<TPreferences> policy, IDecisionRecordSink sink)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(sink);
        policy.Services.AddSingleton(sink);
        return policy;
    }
}
