using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.AspNetCore;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>
/// The WebAssistant sample on a real loopback port (Kestrel, so a browser can reach it), with its SQLite file in a
/// temporary folder of its own. Shared by the browser tests, which reset the records of the users they drive.
/// </summary>
public class WebAssistantServer : IDisposable
{
    private readonly string _folder;
    private readonly Factory _factory;

    public WebAssistantServer()
        : this(signInRequired: false)
    {
    }

    /// <param name="signInRequired">The sample's WebAssistant:SignInRequired: the policy's documents for signed-in users only.</param>
    protected WebAssistantServer(bool signInRequired)
    {
        _folder = Directory.CreateTempSubdirectory("webassistant-browser-").FullName;
        _factory = new Factory(Path.Combine(_folder, "preferences.db"), signInRequired);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The sample started without an address.");
        Address = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The server's root, for example http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _factory.Services;

    public Uri At(string path) => new(Address, path.TrimStart('/'));

    /// <summary>
    /// Forgets what <paramref name="userId"/> saved and what was learned from their feedback (an undo on every
    /// dimension), so a test starts from the defaults whatever ran before.
    /// </summary>
    public async Task ResetAsync(string userId)
    {
        await Services.GetRequiredService<IPreferencesStore>().DeleteAsync(LearnerPreferences.Registry.Name, userId);
        var feedback = Services.GetRequiredService<IFeedbackStore>();
        foreach (var dimension in LearnerPreferences.Registry.Dimensions)
        {
            await feedback.ResetAsync(LearnerPreferences.Registry.Name, userId, new PolicyAsCode.Learning.LearningReset(dimension.Name, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>The record the store holds for <paramref name="userId"/>, read past the web layer.</summary>
    public async Task<StoredPreferences?> StoredAsync(string userId) =>
        await Services.GetRequiredService<IPreferencesStore>().FindAsync(LearnerPreferences.Registry.Name, userId);

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Factory(string database, bool signInRequired) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting("WebAssistant:Database", database)
                .UseSetting("WebAssistant:SignInRequired", signInRequired ? "true" : "false");
    }
}

/// <summary>The browser tests share one server and run one after another (one browser at a time on a small machine).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<WebAssistantServer>
{
    public const string Name = "Browser";
}
