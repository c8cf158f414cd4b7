using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PolicyAsCode.AspNetCore.Tests.Endpoints;

// Signs a request in as the user its X-Test-User header describes: "id;jurisdiction=EU;minor=true". No header: anonymous.
internal sealed class TestUsers(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "Test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value) || value.Count != 1 || string.IsNullOrEmpty(value[0]))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = value[0]!.Split(';');
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, parts[0]) };
        foreach (var part in parts[1..])
        {
            var pair = part.Split('=', 2);
            claims.Add(new Claim(pair[0], pair[1]));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
    }

    public static string Describe(string id, string? jurisdiction = null, bool? minor = null) =>
        id + (jurisdiction is null ? string.Empty : ";jurisdiction=" + jurisdiction)
        + (minor is null ? string.Empty : ";minor=" + (minor.Value ? "true" : "false"));
}
