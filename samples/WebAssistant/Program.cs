using System;
using System.IO;
using System.Linq;
using Assistant;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyAsCode;
using QuickStart.Policies;
using WebAssistant;

// The web sample: the QuickStart's tutoring policy served by ASP.NET Core. A learner signs in (a development sign-in
// with demo users), sees on /policy/settings what they may choose and why the rest is excluded, and chats on /chat
// through the policy's chat middleware over a scripted stand-in for a model, giving feedback on answers that the
// settings page shows learned (and lets them undo).
var builder = WebApplication.CreateBuilder(args);

// The SQLite file that keeps learners' preferences, created on first run (tests point it elsewhere:
// WebAssistant:Database). A relative path is under the content root.
var database = Path.GetFullPath(builder.Configuration["WebAssistant:Database"] ?? Path.Combine("App_Data", "preferences.db"), builder.Environment.ContentRootPath);
Directory.CreateDirectory(Path.GetDirectoryName(database)!);

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(cookie =>
    {
        cookie.LoginPath = "/signin";
        cookie.Cookie.Name = "webassistant";
        cookie.Cookie.SameSite = SameSiteMode.Strict; // no cross-site request carries the session
        cookie.Cookie.HttpOnly = true;
    });
builder.Services.AddAuthorization();

builder.Services.AddPolicy<LearnerPreferences>()
    .AddHazardClassifier<DemoKeywordClassifier>()
    .AddAspNetCore(o =>
    {
        // The demo users' claims (DemoUsers.cs); a fact with no claim stays unknown, so its bounds apply.
        o.JurisdictionClaim = DemoUsers.JurisdictionClaim;
        o.FactClaims[Fact.Minor] = DemoUsers.MinorClaim;
        o.FactClaims[Fact.VerifiedAdult] = DemoUsers.VerifiedAdultClaim;
        o.FactClaims[Fact.ConsentsToMemory] = DemoUsers.ConsentsToMemoryClaim;
    })
    .AddSqliteStore("Data Source=" + database)
    // Feedback on chat answers ("too long", thumbs) is kept in the same file and learned from, within every bound.
    .AddFeedbackLearning();

// The chat pipeline: the policy middleware over the Assistant sample's scripted model. The middleware reads each
// request's user through AddAspNetCore's preferences accessor, so the chat endpoint just calls IChatClient.
builder.Services.AddChatClient(_ => new ScriptedChatClient(ChatEndpoints.Script)).UsePolicy<LearnerPreferences>();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();

app.MapSamplePages();
app.MapDemoSignIn();
app.MapChat();
var policy = app.MapPolicy<LearnerPreferences>("/policy");
// WebAssistant:SignInRequired keeps the schema, card and explanation for signed-in learners too (by default a visitor
// sees the defaults read-only); the settings page itself stays public and asks the visitor to sign in.
if (builder.Configuration.GetValue<bool>("WebAssistant:SignInRequired"))
{
    policy.RequireAuthorization();
}

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"WebAssistant is listening on {address}");
        Console.WriteLine($"  sign in:  {address}/signin");
        Console.WriteLine($"  settings: {address}/policy/settings");
        Console.WriteLine($"  chat:     {address}/chat");
    }

    Console.WriteLine($"Preferences are kept in {database}. Press Ctrl+C to stop.");
});

app.Run();

/// <summary>The web sample's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
