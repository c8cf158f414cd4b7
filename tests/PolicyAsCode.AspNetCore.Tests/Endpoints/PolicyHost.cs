using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyAsCode.Extensions.AI;
using QuickStart.Policies;

namespace PolicyAsCode.AspNetCore.Tests.Endpoints;

// The QuickStart policy served by the package alone, on an in-process test server: claims from TestUsers, the
// memory store, and one extra endpoint that reports what the chat middleware's accessor sees.
internal sealed class PolicyHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PolicyHost(WebApplication app, MemoryStore store, MemoryFeedbackStore feedback)
    {
        _app = app;
        Store = store;
        Feedback = feedback;
    }

    public MemoryStore Store { get; }

    public MemoryFeedbackStore Feedback { get; }

    /// <summary>The claim that establishes consent to feedback training, with learning on.</summary>
    public const string ConsentClaim = "feedbackconsent";

    public IServiceProvider Services => _app.Services;

    public static string Policy => LearnerPreferences.Registry.Name;

    public static async Task<PolicyHost> StartAsync(bool withStore = true, int? monitorBucketSize = null, bool withLearning = false, bool signInRequired = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(TestUsers.Name).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestUsers>(TestUsers.Name, null);
        builder.Services.AddPolicy<LearnerPreferences>().AddAspNetCore(o =>
        {
            o.FactClaims[Fact.Minor] = "minor";
            o.FactClaims[Fact.ConsentsToMemory] = "consents";

            // A user with no jurisdiction claim may have one in their profile (here: every user whose id starts "de-").
            o.StoredJurisdiction = (http, _) => ValueTask.FromResult(
                http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id && id.StartsWith("de-", StringComparison.Ordinal) ? "DE" : null);
        });
        if (monitorBucketSize is { } bucket)
        {
            builder.Services.AddPolicy<LearnerPreferences>().AddSocietalMonitoring(o => o.MinimumBucketSize = bucket);
        }

        var store = new MemoryStore();
        if (withStore)
        {
            builder.Services.AddSingleton<IPreferencesStore>(store);
        }

        var feedback = new MemoryFeedbackStore();
        if (withLearning)
        {
            builder.Services.AddPolicy<LearnerPreferences>().AddFeedbackLearning();
            builder.Services.AddSingleton<IFeedbackStore>(feedback);
            builder.Services.Configure<PolicyAspNetCoreOptions>(o => o.FactClaims[new FeedbackLearningOptions().ConsentFact] = ConsentClaim);
        }

        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        var policy = app.MapPolicy<LearnerPreferences>("/policy");
        if (signInRequired)
        {
            policy.RequireAuthorization();
        }

        app.MapGet("/accessor", async (HttpContext http) =>
        {
            var accessor = http.RequestServices.GetRequiredService<IPreferencesAccessor<LearnerPreferences>>();
            var request = await accessor.GetAsync([], null, http.RequestAborted);
            return $"{request.Context.Jurisdiction}|{request.Context.Known}|{request.Context.Facts}|{request.Preferences!.Maturity}|{request.Preferences.Language}";
        });
        app.MapGet("/accessor/style", async (HttpContext http) =>
        {
            var accessor = http.RequestServices.GetRequiredService<IPreferencesAccessor<LearnerPreferences>>();
            var request = await accessor.GetAsync([], null, http.RequestAborted);
            // As the chat middleware does: the accessor's request, resolved in its context.
            var effective = LearnerPreferences.Resolve(request.Preferences!, request.Context, request.Unreadable).Effective;
            return $"{effective.Verbosity}|{effective.Tone}";
        });
        // A handler taking the request's resolution as a parameter, behind the filter that makes it first: both must
        // see the one resolution of the request.
        app.MapGet("/lesson", (UserResolution<LearnerPreferences> user, HttpContext http) =>
            {
                var filtered = (UserResolution<LearnerPreferences>)http.Items[PolicyResolutionFilter<LearnerPreferences>.ItemKey]!;
                return $"{ReferenceEquals(filtered, user)}|{user.Resolution.Effective.Maturity}|{user.Stored?.Revision ?? 0}";
            })
            .AddEndpointFilter<PolicyResolutionFilter<LearnerPreferences>>();
        await app.StartAsync();
        return new PolicyHost(app, store, feedback);
    }

    public HttpClient Client(string? user = null)
    {
        var client = _app.GetTestClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Add(TestUsers.Header, user);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
