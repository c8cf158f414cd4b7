using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// Signs a request in as the user its <c>X-Bench-User</c> header describes (<c>id;jurisdiction=EU;minor=true</c>), as a
/// cookie or bearer handler would from its ticket; no header, anonymous. Both endpoints pay for it alike.
/// </summary>
public sealed class HeaderUsers(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string Name = "BenchHeader";

    /// <summary>The header carrying the user.</summary>
    public const string Header = "X-Bench-User";

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value) || value.Count != 1 || string.IsNullOrEmpty(value[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = value[0]!.Split(';');
        var claims = new List<Claim>(parts.Length) { new(ClaimTypes.NameIdentifier, parts[0]) };
        foreach (var part in parts[1..])
        {
            var pair = part.Split('=', 2);
            claims.Add(new Claim(pair[0], pair.Length == 2 ? pair[1] : string.Empty));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
    }
}
