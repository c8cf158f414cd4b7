using System;
using System.Threading;

namespace PolicyAsCode.Extensions.AI;

/// <summary>The policy request of the current asynchronous flow, for hosts that know the user before the chat client is called.</summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public static class AmbientPolicyRequest<TPreferences>
    where TPreferences : class
{
    private static readonly AsyncLocal<PolicyRequest<TPreferences>?> Slot = new();

    /// <summary>The request of the current flow, or null.</summary>
    public static PolicyRequest<TPreferences>? Current => Slot.Value;

    /// <summary>Makes <paramref name="request"/> current until the returned scope is disposed.</summary>
    public static IDisposable Begin(PolicyRequest<TPreferences> request)
    {
        var previous = Slot.Value;
        Slot.Value = request;
        return new Scope(previous);
    }

    /// <summary>Makes the preferences and context current until the returned scope is disposed.</summary>
    public static IDisposable Begin(TPreferences preferences, PolicyContext context) => Begin(new PolicyRequest<TPreferences>(preferences, context));

    private sealed class Scope(PolicyRequest<TPreferences>? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                Slot.Value = previous;
            }
        }
    }
}
