using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// The default context: the jurisdiction from the user's claim (<see cref="PolicyAspNetCoreOptions.JurisdictionClaim"/>),
/// else from the user's stored setting (<see cref="PolicyAspNetCoreOptions.StoredJurisdiction"/>), else from a trusted
/// header if one is configured, else none (every law applies); each fact from its claim
/// (<see cref="PolicyAspNetCoreOptions.FactClaims"/>), unknown when the claim is absent or unreadable.
/// </summary>
public sealed class ClaimsPolicyContextResolver(IOptions<PolicyAspNetCoreOptions> options) : IPolicyContextResolver
{
    private readonly PolicyAspNetCoreOptions _options = options.Value;

    /// <inheritdoc/>
    public async ValueTask<PolicyContext> ResolveAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var context = PolicyContext.In(await JurisdictionAsync(http, cancellationToken).ConfigureAwait(false));
        foreach (var (fact, claimType) in _options.FactClaims)
        {
            // Only a claim that says true or false establishes the fact; anything else leaves it unknown.
            var value = http.User.FindFirst(claimType)?.Value;
            if (bool.TryParse(value, out var holds))
            {
                context = context.With(fact, holds);
            }
        }

        return context;
    }

    private async ValueTask<string?> JurisdictionAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (_options.JurisdictionClaim is { } claim && http.User.FindFirst(claim)?.Value is { Length: > 0 } claimed)
        {
            return claimed;
        }

        if (_options.StoredJurisdiction is { } stored && http.User.Identity?.IsAuthenticated == true
            && await stored(http, cancellationToken).ConfigureAwait(false) is { Length: > 0 } setting)
        {
            return setting;
        }

        if (_options.JurisdictionHeader is { } header && http.Request.Headers.TryGetValue(header, out var values) && values.Count == 1)
        {
            return values[0];
        }

        return null;
    }
}
