using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>
/// Issue 19, points 2 and 3: an overlay that cannot be read keeps the last valid one in force and says so (log, metric,
/// health check); only an explicit removal lifts it; overlapping reloads never leave an older overlay in force.
/// </summary>
public class OverlayFailsClosedTests
{
    private const string Narrowed = "Policy:Overlay:Maturity:AtMost";

    // What a provider leaves after a file is truncated, emptied or fails to load on reload (its data cleared), after a
    // typo renames the section, or after the file is gone: the section is missing when the next change is read.
    public static TheoryData<string, Dictionary<string, string?>> Unreadable => new()
    {
        { "truncated or 0-byte file (data cleared by the failed reload)", new() },
        { "typo in the section name", new() { ["Policy:Overlai:Maturity:AtMost"] = "General" } },
        { "empty section", new() { ["Policy:Overlay"] = "" } },
        { "unrelated key only", new() { ["Logging:Level"] = "Debug" } },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task An_overlay_that_cannot_be_read_keeps_the_last_valid_overlay_in_force_and_says_so(string why, Dictionary<string, string?> after)
    {
        using var host = Host.Start(new() { [Narrowed] = "General" });
        var narrowed = host.Engine.Current;
        Assert.True(narrowed.IsOverlaid);
        Assert.Equal(HealthStatus.Healthy, (await host.Health()).Status);

        host.Replace(after);
        host.Replace(new Dictionary<string, string?>(after) { ["Unrelated"] = "change" }); // the next unrelated change

        Assert.Same(narrowed, host.Engine.Current);
        Assert.Equal(Maturity.General, host.Engine.Resolve(new LearnerPreferences { Maturity = Maturity.Teen }, Learners.EuAdult).Effective.Maturity);
        var health = await host.Health();
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
        Assert.Contains("missing or empty", health.Description, StringComparison.Ordinal);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 4123);
        Assert.Equal(1, host.Rejections("unreadable"));
        Assert.False(string.IsNullOrEmpty(why));

        // Readable again: the problem clears.
        host.Replace(new() { [Narrowed] = "General" });
        Assert.Same(narrowed, host.Engine.Current);
        Assert.Equal(HealthStatus.Healthy, (await host.Health()).Status);
    }

    [Fact]
    public void Only_an_explicit_removal_returns_to_the_compiled_policy()
    {
        using var host = Host.Start(new() { [Narrowed] = "General" });
        host.Replace(new() { ["Policy:Overlay"] = "None" });
        Assert.False(host.Engine.Current.IsOverlaid);
        Assert.Null(host.Engine.ConfiguredOverlayProblem);

        // A scalar that is not "none" is malformed, not a removal.
        host.Replace(new() { [Narrowed] = "General" });
        Assert.True(host.Engine.Current.IsOverlaid);
        host.Replace(new() { ["Policy:Overlay"] = "off" });
        Assert.True(host.Engine.Current.IsOverlaid);
        Assert.Contains("Policy:Overlay: expected an overlay object or \"none\"", host.Engine.ConfiguredOverlayProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_started_without_an_overlay_section_is_healthy_on_the_compiled_policy()
    {
        using var host = Host.Start(new() { ["Logging:Level"] = "Debug" });
        Assert.False(host.Engine.Current.IsOverlaid);
        Assert.Null(host.Engine.ConfiguredOverlayProblem);
    }

    [Fact]
    public void An_overlay_file_that_disappears_keeps_the_overlay_in_force()
    {
        var path = Path.Combine(Path.GetTempPath(), "policy-overlay-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{ "Policy": { "Overlay": { "Maturity": { "AtMost": "General" } } } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: true, reloadOnChange: false).Build();
            var services = new ServiceCollection();
            services.AddPolicy<LearnerPreferences>().BindOverlay(configuration.GetSection("Policy:Overlay"));
            using var provider = services.BuildServiceProvider();
            var engine = provider.GetRequiredService<PolicyEngine<LearnerPreferences>>();
            var narrowed = engine.Current;
            Assert.True(narrowed.IsOverlaid);

            File.Delete(path);
            configuration.Reload();

            Assert.Same(narrowed, engine.Current);
            Assert.NotNull(engine.ConfiguredOverlayProblem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_older_read_finishing_after_a_newer_change_never_replaces_it()
    {
        var monitor = new GatedMonitor(PolicyOverlay.Empty);
        using var engine = new PolicyEngine<LearnerPreferences>(monitor);
        var older = PolicyOverlay.Empty.AtMost("Maturity", "Teen").AtMost("MemoryDays", 7);
        var newer = PolicyOverlay.Empty.AtMost("Maturity", "General");

        // The first notification reads the older overlay and is paused before it is applied.
        monitor.Set(older);
        monitor.PauseNextRead();
        var first = Task.Run(monitor.Notify);
        monitor.Paused.Wait();

        // A second notification for the newer overlay overlaps it; then the first is let go.
        monitor.Set(newer);
        var second = Task.Run(monitor.Notify);
        monitor.Release.Set();
        await Task.WhenAll(first, second);

        Assert.Equal(newer, engine.Current.Overlay);
        Assert.Equal(Maturity.General, engine.Resolve(new LearnerPreferences { Maturity = Maturity.Teen }, Learners.EuAdult).Effective.Maturity);

        // Re-signalling the newer overlay keeps it (and is not ignored as a duplicate of something else).
        monitor.Notify();
        Assert.Equal(newer, engine.Current.Overlay);
    }

    private sealed class GatedMonitor(PolicyOverlay initial) : IOptionsMonitor<PolicyOverlayOptions>
    {
        private readonly List<Action<PolicyOverlayOptions, string?>> _listeners = [];
        private PolicyOverlay _overlay = initial;
        private int _pause;

        public ManualResetEventSlim Paused { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public PolicyOverlayOptions CurrentValue => Get(null);

        public void Set(PolicyOverlay overlay) => Volatile.Write(ref _overlay, overlay);

        public void PauseNextRead() => Volatile.Write(ref _pause, 1);

        public void Notify()
        {
            var options = new PolicyOverlayOptions { Overlay = Volatile.Read(ref _overlay) };
            foreach (var listener in _listeners.ToArray())
            {
                listener(options, PolicyOverlayOptions.NameFor<LearnerPreferences>());
            }
        }

        public PolicyOverlayOptions Get(string? name)
        {
            var read = new PolicyOverlayOptions { Overlay = Volatile.Read(ref _overlay) };
            if (Interlocked.Exchange(ref _pause, 0) == 1)
            {
                Paused.Set();
                Release.Wait();
            }

            return read;
        }

        public IDisposable? OnChange(Action<PolicyOverlayOptions, string?> listener)
        {
            _listeners.Add(listener);
            return null;
        }
    }

    // A provider whose data is replaced whole and then signalled, as a file provider's is on reload (a failed reload
    // leaves it empty, and the next signal is read from that).
    private sealed class ReplaceableProvider : ConfigurationProvider, IConfigurationSource
    {
        public void Replace(Dictionary<string, string?> data, bool notify)
        {
            Data = new Dictionary<string, string?>(data, StringComparer.OrdinalIgnoreCase);
            if (notify)
            {
                OnReload();
            }
        }

        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;
    }

    private sealed class Host : IDisposable
    {
        private readonly ServiceProvider _provider;
        private readonly ReplaceableProvider _source = new();
        private readonly MeterListener _listener = new();
        private readonly List<(long Value, string? Type)> _rejections = [];

        private Host(Dictionary<string, string?> initial)
        {
            _source.Replace(initial, notify: false);
            var configuration = new ConfigurationBuilder().Add(_source).Build();
            var services = new ServiceCollection();
            services.AddSingleton<ILogger<PolicyEngine<LearnerPreferences>>>(Logs);
            services.AddPolicy<LearnerPreferences>().BindOverlay(configuration.GetSection("Policy:Overlay"));
            _provider = services.BuildServiceProvider();
            var telemetry = _provider.GetRequiredService<PolicyTelemetry>();
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == telemetry.Meter && instrument.Name == "policyascode.overlay.rejections")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == PolicyTelemetry.ErrorTypeTag)
                    {
                        lock (_rejections)
                        {
                            _rejections.Add((value, tag.Value as string));
                        }
                    }
                }
            });
            _listener.Start();
            Engine = _provider.GetRequiredService<PolicyEngine<LearnerPreferences>>();
        }

        public CapturingLogger<PolicyEngine<LearnerPreferences>> Logs { get; } = new();

        public PolicyEngine<LearnerPreferences> Engine { get; }

        public static Host Start(Dictionary<string, string?> initial) => new(initial);

        public void Replace(Dictionary<string, string?> data) => _source.Replace(data, notify: true);

        public Task<HealthCheckResult> Health() =>
            _provider.GetRequiredService<PolicyOverlayHealthCheck<LearnerPreferences>>().CheckHealthAsync(new HealthCheckContext());

        public long Rejections(string type)
        {
            lock (_rejections)
            {
                return _rejections.Where(r => r.Type == type).Sum(r => r.Value);
            }
        }

        public void Dispose()
        {
            _listener.Dispose();
            _provider.Dispose();
        }
    }
}
