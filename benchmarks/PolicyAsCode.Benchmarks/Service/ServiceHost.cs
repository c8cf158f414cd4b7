using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyAsCode.AspNetCore;
using PolicyAsCode.Runtime;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) serving <c>/plain</c> and <c>/personalised</c> for one signed-in
/// user whose document is stored in memory, and the benchmark's client: one <see cref="HttpClient"/> over a
/// <see cref="SocketsHttpHandler"/> that keeps its connections alive, so a request costs what it costs a warm service.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private ServiceHost(WebApplication app, HttpClient client)
    {
        _app = app;
        _client = client;
    }

    /// <summary>The server's address.</summary>
    public Uri Address => _client.BaseAddress!;

    /// <summary>Starts the server with the scenario's user and stored document.</summary>
    public static async Task<ServiceHost> StartAsync(ServiceScenario scenario)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication(HeaderUsers.Name).AddScheme<AuthenticationSchemeOptions, HeaderUsers>(HeaderUsers.Name, null);
        builder.Services.AddPolicy<LearnerPreferences>().AddAspNetCore(o =>
        {
            o.FactClaims[Fact.Minor] = "minor";
            o.FactClaims[Fact.ConsentsToMemory] = "consents";
        });
        var store = new MemoryPreferencesStore();
        builder.Services.AddSingleton<IPreferencesStore>(store);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/plain", (RequestDelegate)ServiceEndpoints.Plain);
        app.MapGet("/personalised", (RequestDelegate)ServiceEndpoints.Personalised);
        await app.StartAsync();

        var version = app.Services.GetRequiredService<PolicyEngine<LearnerPreferences>>().Current.Version;
        var save = await store.SaveAsync(ServiceEndpoints.Policy, ServiceUsers.Id, ServiceUsers.Document(scenario), version, replaces: 0);
        if (!save.Saved)
        {
            throw new InvalidOperationException("The benchmark's user could not be stored.");
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Add(HeaderUsers.Header, ServiceUsers.Header(scenario));
        return new ServiceHost(app, client);
    }

    /// <summary>One request: sends it, reads the whole body, and returns the body's length (the server must answer 200).</summary>
    public async Task<int> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }

    /// <summary>The body of one request, as text.</summary>
    public async Task<string> GetTextAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary><paramref name="count"/> requests in flight at once (one connection each); the total length of the bodies.</summary>
    public async Task<int> GetConcurrentlyAsync(string path, int count)
    {
        var requests = new Task<int>[count];
        for (var i = 0; i < count; i++)
        {
            requests[i] = GetAsync(path);
        }

        var lengths = await Task.WhenAll(requests);
        return lengths.Sum();
    }

    /// <summary>Stops the server and closes the client's connections.</summary>
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
