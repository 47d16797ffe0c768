using Llt.Shell.Configuration;
using Llt.Shell.Health;
using Llt.Shell.Hosting;
using Llt.Shell.Run;
using Llt.Shell.Sinks;

namespace Llt.Shell.Tests.Health;

public sealed class HealthReportTests
{
    private static readonly HealthSettings Settings = new("127.0.0.1", 8080, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    private static PlatformSnapshot Snapshot(SupervisorState state, IReadOnlyList<JournalSinkStatus>? sinks = null, IReadOnlyList<FeedRow>? feeds = null) => new()
    {
        Taken = DateTimeOffset.UtcNow,
        EngineName = "t",
        Engine = new EngineStatus(state, state == SupervisorState.Running ? 4242 : 0, 2, 1, 137, null),
        Sinks = sinks ?? [],
        Feeds = feeds ?? [],
    };

    [Fact]
    public void Evaluate_EngineRestarting_IsUnhealthy_NamingItsState()
    {
        var checks = HealthReport.Evaluate(Snapshot(SupervisorState.Restarting), Settings, feedConfigured: false);

        HealthCheck engine = Assert.Single(checks);
        Assert.False(engine.Healthy);
        Assert.Equal("engine is restarting (restarts 1)", engine.Detail);
    }

    [Fact]
    public void Evaluate_EachSink_IsHealthyOnlyWhenConnectedAndWithinTheLagLimit()
    {
        JournalSinkStatus[] sinks =
        [
            new("postgres", true, 100, 3, 0.2, 100, 0, null),
            new("redis", false, 50, 53, 4.0, 50, 7, "connection refused (127.0.0.1:6379)"),
            new("kafka", true, 10, 5000, 45.0, 10, 0, null),
        ];

        var checks = HealthReport.Evaluate(Snapshot(SupervisorState.Running, sinks), Settings, feedConfigured: false);

        Assert.True(checks.Single(c => c.Component == "sink:postgres").Healthy);
        HealthCheck redis = checks.Single(c => c.Component == "sink:redis");
        Assert.False(redis.Healthy);
        Assert.Contains("not connected", redis.Detail);
        Assert.Contains("connection refused", redis.Detail);
        HealthCheck kafka = checks.Single(c => c.Component == "sink:kafka");
        Assert.False(kafka.Healthy);
        Assert.Contains("lag 5000 events / 45 s (limit 30 s)", kafka.Detail);
    }

    [Fact]
    public void Evaluate_ConfiguredFeed_IsUnhealthyWithoutTicks_AndWhenTheyStopped()
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;

        Assert.False(HealthReport.Evaluate(Snapshot(SupervisorState.Running), Settings, feedConfigured: true).Single(c => c.Component == "feed").Healthy);
        Assert.False(HealthReport.Evaluate(Snapshot(SupervisorState.Running, feeds: [new FeedRow(0, 10, 0, now - 6_000_000_000)]), Settings, true)
            .Single(c => c.Component == "feed").Healthy);
        Assert.True(HealthReport.Evaluate(Snapshot(SupervisorState.Running, feeds: [new FeedRow(0, 10, 0, now - 100_000_000)]), Settings, true)
            .Single(c => c.Component == "feed").Healthy);
        Assert.DoesNotContain(HealthReport.Evaluate(Snapshot(SupervisorState.Running), Settings, feedConfigured: false), c => c.Component == "feed");
    }

    [Fact]
    public void Metrics_ShowSinkLagAndRejectsByReason_AsLabelledSamples()
    {
        PlatformSnapshot snapshot = Snapshot(SupervisorState.Running, [new JournalSinkStatus("kafka", true, 10, 42, 1.5, 10, 3, null)]) with
        {
            RejectsByReason = new Dictionary<string, long> { ["KillSwitch"] = 7, ["PositionLimit"] = 2 },
        };

        string text = PrometheusText.Write(snapshot);

        Assert.Contains("llt_sink_lag_events{sink=\"kafka\"} 42\n", text);
        Assert.Contains("llt_sink_lag_seconds{sink=\"kafka\"} 1.5\n", text);
        Assert.Contains("llt_sink_errors_total{sink=\"kafka\"} 3\n", text);
        Assert.Contains("llt_rejects_total{reason=\"KillSwitch\"} 7\n", text);
        Assert.Contains("llt_rejects_total{reason=\"PositionLimit\"} 2\n", text);
        Assert.Contains("llt_engine_restarts_total 1\n", text);
    }
}
