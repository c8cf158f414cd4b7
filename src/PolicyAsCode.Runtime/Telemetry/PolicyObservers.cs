using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyAsCode.Runtime;

/// <summary>Finds and combines the <see cref="IPolicyObserver{TPreferences}"/>s registered for a policy.</summary>
public static class PolicyObservers
{
    /// <summary>Every observer registered in <paramref name="services"/> as one, or null when there is none.</summary>
    public static IPolicyObserver<TPreferences>? From<TPreferences>(IServiceProvider services)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(services);
        return Combine(services.GetServices<IPolicyObserver<TPreferences>>());
    }

    /// <summary><paramref name="observers"/> as one observer telling each in turn, or null when there is none.</summary>
    public static IPolicyObserver<TPreferences>? Combine<TPreferences>(IEnumerable<IPolicyObserver<TPreferences>> observers)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(observers);
        var all = observers.ToArray();
        return all.Length switch
        {
            0 => null,
            1 => all[0],
            _ => new Composite<TPreferences>(all),
        };
    }

    private sealed class Composite<TPreferences>(IPolicyObserver<TPreferences>[] observers) : IPolicyObserver<TPreferences>
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        public void OnResolution(PolicySnapshot<TPreferences> snapshot, TPreferences? requested, DimensionSet unreadable, in PolicyContext context, in Resolution<TPreferences> resolution)
        {
            foreach (var observer in observers)
            {
                observer.OnResolution(snapshot, requested, unreadable, in context, in resolution);
            }
        }

        public void OnDecision(PolicySnapshot<TPreferences> snapshot, in Resolution<TPreferences> resolution, in Decision decision, ContentStage stage)
        {
            foreach (var observer in observers)
            {
                observer.OnDecision(snapshot, in resolution, in decision, stage);
            }
        }
    }
}
