using System.Linq;
using Microsoft.Extensions.Logging;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Monitoring;

/// <summary>
/// Fleet status: <c>policyascode.policy.info</c> reports the version and overlay revision each engine serves (value 1),
/// following every swap, and each swap is logged with the version it replaced and the one now in force.
/// </summary>
public sealed class FleetStatusTests
{
    private const string Info = "policyascode.policy.info";

    [Fact]
    public void The_gauge_reports_the_version_and_revision_in_force_and_follows_each_swap()
    {
        using var telemetry = new PolicyTelemetry();
        using var log = new MeasurementLog(telemetry.Meter);
        var logger = new CapturingLogger<PolicyEngine<LearnerPreferences>>();
        using var engine = new PolicyEngine<LearnerPreferences>(telemetry, logger);
        var compiled = engine.CompiledVersion;

        var before = Assert.Single(log.Collect(), s => s.Instrument == Info);
        Assert.Equal(1, before.Value);
        Assert.Equal(LearnerPreferences.Registry.Name, before["policyascode.policy.name"]);
        Assert.Equal(compiled, before["policyascode.policy.version"]);
        Assert.Equal(compiled, before["policyascode.policy.compiled_version"]);
        Assert.Equal("0", before["policyascode.overlay.revision"]);

        var applied = engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "General"));
        Assert.True(applied.Changed);
        log.Clear();
        var after = Assert.Single(log.Collect(), s => s.Instrument == Info);
        Assert.Equal(1, after.Value);
        Assert.Equal(engine.Version, after["policyascode.policy.version"]);
        Assert.StartsWith(compiled + "+overlay.", after["policyascode.policy.version"], System.StringComparison.Ordinal);
        Assert.Equal(compiled, after["policyascode.policy.compiled_version"]);
        Assert.Equal("1", after["policyascode.overlay.revision"]);

        // The swap is logged from the old version to the new one.
        var swap = Assert.Single(logger.Entries, e => e.EventId.Id == 4120);
        Assert.Equal(LogLevel.Information, swap.Level);
        Assert.Equal(compiled, swap["PreviousVersion"]);
        Assert.Equal(engine.Version, swap["PolicyVersion"]);
        Assert.Equal(1L, swap["Revision"]);
        Assert.Contains($"{compiled} -> {engine.Version}", swap.Message, System.StringComparison.Ordinal);

        // Back to the compiled policy: a second swap, revision 2, logged from the overlaid version.
        var overlaid = engine.Version;
        engine.ApplyOverlay(PolicyOverlay.Empty);
        log.Clear();
        var back = Assert.Single(log.Collect(), s => s.Instrument == Info);
        Assert.Equal(compiled, back["policyascode.policy.version"]);
        Assert.Equal("2", back["policyascode.overlay.revision"]);
        var second = logger.Entries.Where(e => e.EventId.Id == 4120).Last();
        Assert.Equal(overlaid, second["PreviousVersion"]);
        Assert.Equal(compiled, second["PolicyVersion"]);
    }

    [Fact]
    public void A_rejected_overlay_changes_nothing_on_the_gauge_and_a_disposed_engine_leaves_it()
    {
        using var telemetry = new PolicyTelemetry();
        using var log = new MeasurementLog(telemetry.Meter);
        var engine = new PolicyEngine<LearnerPreferences>(telemetry);
        var widening = engine.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "Mature").AtMost("MemoryDays", 400));
        Assert.False(widening.Succeeded);

        var seen = Assert.Single(log.Collect(), s => s.Instrument == Info);
        Assert.Equal(engine.CompiledVersion, seen["policyascode.policy.version"]);
        Assert.Equal("0", seen["policyascode.overlay.revision"]);

        engine.Dispose();
        log.Clear();
        Assert.DoesNotContain(log.Collect(), s => s.Instrument == Info);
    }

    [Fact]
    public void Two_engines_in_one_instance_each_report_what_they_serve()
    {
        using var telemetry = new PolicyTelemetry();
        using var log = new MeasurementLog(telemetry.Meter);
        using var plain = new PolicyEngine<LearnerPreferences>(telemetry);
        using var narrowed = new PolicyEngine<LearnerPreferences>(telemetry);
        narrowed.ApplyOverlay(PolicyOverlay.Empty.AtMost("Maturity", "General"));

        var versions = log.Collect().Where(s => s.Instrument == Info).Select(s => (s["policyascode.policy.version"], s["policyascode.overlay.revision"])).Order().ToList();
        Assert.Equal(new[] { (plain.Version, "0"), (narrowed.Version, "1") }.Order(), versions);
    }
}
