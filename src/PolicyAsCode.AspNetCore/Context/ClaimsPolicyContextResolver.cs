using System;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// The default context: the jurisdiction from the user's claim (<see cref="PolicyAspNetCoreOptions.JurisdictionClaim"/>),
/// else from the user's stored setting (<see cref="PolicyAspNetCoreOptions.StoredJurisdiction"/>), else from a trusted
/// header if one is configured, else none (every law applies); each fact from its claim
/// (<see cref="PolicyAspNetCoreOptions.FactClaims"/>), unknown when the claim is absent or unreadable. Claims of one
/// type that disagree establish nothing: the fact is unknown, and two jurisdictions name none.
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
            // Only claims that all say true, or all say false, establish the fact; anything else leaves it unknown.
            if (bool.TryParse(Agreed(http.User, claimType), out var holds))
            {
                context = context.With(fact, holds);
            }
        }

        return context;
    }

    private async ValueTask<string?> JurisdictionAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (_options.JurisdictionClaim is { } claim && http.User.HasClaim(c => c.Type == claim && c.Value.Length > 0))
        {
            // A claim decides, even when it decides nothing: claims naming two jurisdictions leave every law applying,
            // rather than letting a weaker source pick one.
            return Agreed(http.User, claim) is { Length: > 0 } claimed ? claimed : null;
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

    // The value every claim of the type gives (ignoring case), or null when they differ or there is none.
    private static string? Agreed(ClaimsPrincipal user, string claimType)
    {
        string? agreed = null;
        foreach (var claim in user.FindAll(claimType))
        {
            if (agreed is not null && !string.Equals(agreed, claim.Value, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            agreed ??= claim.Value;
        }

        return agreed;
    }
}
