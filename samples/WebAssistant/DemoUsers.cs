using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WebAssistant;

/// <summary>One demo learner: who they are and the claims a real identity provider would issue for them.</summary>
/// <param name="Id">The user id (the name-identifier claim the preferences are stored under).</param>
/// <param name="Description">How the sign-in page names them.</param>
/// <param name="Jurisdiction">Where they are: which laws apply.</param>
/// <param name="Minor">Whether they are a minor; null: not known (every bound for minors applies).</param>
/// <param name="ConsentsToMemory">Whether they consented to the assistant remembering personal details.</param>
public sealed record DemoUser(string Id, string Description, string Jurisdiction, bool? Minor, bool ConsentsToMemory)
{
    /// <summary>The claims the policy's context is built from (AddAspNetCore's options map them to facts).</summary>
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim(ClaimTypes.NameIdentifier, Id);
        yield return new Claim(ClaimTypes.Name, Description);
        yield return new Claim(DemoUsers.JurisdictionClaim, Jurisdiction);
        if (Minor is { } minor)
        {
            yield return new Claim(DemoUsers.MinorClaim, minor ? "true" : "false");
            // An adult's age is verified by the (pretend) provider; a minor is not a verified adult.
            yield return new Claim(DemoUsers.VerifiedAdultClaim, minor ? "false" : "true");
        }

        yield return new Claim(DemoUsers.ConsentsToMemoryClaim, ConsentsToMemory ? "true" : "false");
    }
}

/// <summary>
/// A DEVELOPMENT SIGN-IN: pick a demo user and get a cookie with their claims. A real service signs users in with its
/// identity provider and maps that provider's claims in AddAspNetCore's options instead.
/// </summary>
public static class DemoUsers
{
    public const string JurisdictionClaim = "jurisdiction";
    public const string MinorClaim = "minor";
    public const string VerifiedAdultClaim = "verified_adult";
    public const string ConsentsToMemoryClaim = "consents_to_memory";

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("mia", "Mia, 15, in the EU", "EU", Minor: true, ConsentsToMemory: false),
        new("sam", "Sam, adult in the US", "US", Minor: false, ConsentsToMemory: true),
        new("lena", "Lena, 16, in Germany", "DE", Minor: true, ConsentsToMemory: true),
        new("ava", "Ava, adult in California", "US-CA", Minor: false, ConsentsToMemory: true),
    ];

    public static DemoUser? Find(string? id) => All.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.Ordinal));

    /// <summary>GET /signin lists the demo users; POST /signin signs one in; POST /signout signs out.</summary>
    public static IEndpointRouteBuilder MapDemoSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext http) => SamplePages.Html(http, "Sign in", SignInPage(http)));
        app.MapPost("/signin", (Delegate)SignInAsync).DisableAntiforgery();
        app.MapPost("/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/signin");
        }).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        if (Find(form["user"]) is not { } user)
        {
            return Results.BadRequest("No such demo user.");
        }

        var identity = new ClaimsIdentity(user.Claims(), CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        // Only a local path is followed, so the sign-in cannot be used to send someone elsewhere.
        var returnUrl = form["returnUrl"].ToString();
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/policy/settings");
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static string SignInPage(HttpContext http)
    {
        var html = HtmlEncoder.Default;
        var returnUrl = http.Request.Query["ReturnUrl"].ToString();
        var page = new StringBuilder();
        page.Append("<h1>Sign in as a demo learner</h1>");
        page.Append("<p>This is a development sign-in: each learner's claims (where they are, whether they are a minor) decide which rules apply to them.</p>");
        if (http.User.Identity?.IsAuthenticated == true)
        {
            page.Append("<p>You are signed in as <strong>").Append(html.Encode(http.User.Identity.Name ?? "?")).Append("</strong>.</p>");
        }

        page.Append("<ul class=\"users\">");
        foreach (var user in All)
        {
            page.Append("<li><form method=\"post\" action=\"/signin\">")
                .Append("<input type=\"hidden\" name=\"user\" value=\"").Append(html.Encode(user.Id)).Append("\">")
                .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(html.Encode(returnUrl)).Append("\">")
                .Append("<button type=\"submit\" id=\"signin-").Append(html.Encode(user.Id)).Append("\">Sign in as ")
                .Append(html.Encode(user.Description)).Append("</button></form></li>");
        }

        page.Append("</ul>");
        return page.ToString();
    }
}
