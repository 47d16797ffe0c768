using Llt.Hotpath.Config;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>
/// A restarted engine comes back as operators left it: runtime limits, strategies disabled, venues marked down and
/// a latched kill switch are restored from the journal, not reset to llt.json.
/// </summary>
public sealed class EngineControlRecoveryTests
{
    private static EngineHarness Harness() =>
        new(customize: c => c with
        {
            Strategies = EngineConfig.DefaultStrategies(),
            Venues = EngineConfig.DefaultVenues(),
        });

    private static byte[] VenueControl(long correlationId, int venueId, VenueStatus status)
    {
        var buffer = new byte[128];
        var command = VenueControlEncoder.WrapAndApplyHeader(buffer, 0);
        command.SetCorrelationId(correlationId);
        command.SetVenueId((short)venueId);
        command.SetStatus(status);
        command.SetSource("test:ops");
        return buffer.AsSpan(0, VenueControlEncoder.HeaderLength + command.EncodedLength).ToArray();
    }

    [Fact]
    public void RuntimeChanges_SurviveARestart()
    {
        using EngineHarness h = Harness();
        h.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(1, LimitType.Position, LimitScope.Instrument, EngineMessages.Aapl, 0, 1234));
        h.WriteCmd(StrategyControlDecoder.TemplateId, EngineMessages.StrategyControl(2, 1, StrategyAction.Disable));
        h.WriteCmd(VenueControlDecoder.TemplateId, VenueControl(3, 1, VenueStatus.Down));
        h.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(4, KillSwitchAction.Engage));
        h.Drain();

        h.Restart();

        Assert.Equal(1234, h.Engine.Limits.Instrument(LimitType.Position, EngineMessages.Aapl));
        Assert.False(h.Engine.Strategies.IsEnabled(1));
        Assert.True(h.Engine.Strategies.IsEnabled(0));
        Assert.False(h.Engine.Execution.IsVenueUp(1));
        Assert.True(h.Engine.Execution.IsVenueUp(0));
        Assert.True(h.Engine.KillSwitch.IsEngaged);
        Assert.Equal(1, h.Engine.Counters.KillSwitchEngaged.Get());
        Assert.Equal(new ControlStateRecoveryResultView(3, 0, true), View(h));
    }

    [Fact]
    public void AResumedKillSwitch_StaysReleased_AndLaterLimitsWin()
    {
        using EngineHarness h = Harness();
        h.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(1, LimitType.Position, LimitScope.Instrument, EngineMessages.Aapl, 0, 1234));
        h.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(2, LimitType.Position, LimitScope.Instrument, EngineMessages.Aapl, 0, 777));
        h.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(3, KillSwitchAction.Engage));
        h.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(4, KillSwitchAction.Resume));
        h.Drain();

        h.Restart();

        Assert.Equal(777, h.Engine.Limits.Instrument(LimitType.Position, EngineMessages.Aapl));
        Assert.False(h.Engine.KillSwitch.IsEngaged);
    }

    [Fact]
    public void ANewJournal_RestoresNothing()
    {
        using EngineHarness h = Harness();

        Assert.Equal(default, h.Engine.RecoveredControls);
        Assert.False(h.Engine.KillSwitch.IsEngaged);
    }

    private readonly record struct ControlStateRecoveryResultView(int Applied, int Skipped, bool KillSwitchEngaged);

    private static ControlStateRecoveryResultView View(EngineHarness h) =>
        new(h.Engine.RecoveredControls.Applied, h.Engine.RecoveredControls.Skipped, h.Engine.RecoveredControls.KillSwitchEngaged);
}
