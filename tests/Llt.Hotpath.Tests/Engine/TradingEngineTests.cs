using Llt.Codecs.Runtime;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Engine;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Risk;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

public sealed class TradingEngineTests
{
    private static CommandResultDecoder DecodeResult(JournalRecord record)
    {
        Assert.Equal(CommandResultDecoder.TemplateId, record.Type);
        Assert.Equal(SbeDecodeStatus.Ok, CommandResultDecoder.TryDecode(record.Payload, 0, out CommandResultDecoder result, out _));
        return result;
    }

    private static KillSwitchStateDecoder DecodeKillSwitchState(JournalRecord record)
    {
        Assert.Equal(SbeDecodeStatus.Ok, KillSwitchStateDecoder.TryDecode(record.Payload, 0, out KillSwitchStateDecoder state, out _));
        return state;
    }

    private static RiskAlertDecoder DecodeAlert(JournalRecord record)
    {
        Assert.Equal(SbeDecodeStatus.Ok, RiskAlertDecoder.TryDecode(record.Payload, 0, out RiskAlertDecoder alert, out _));
        return alert;
    }

    private static HeartbeatDecoder DecodeHeartbeat(JournalRecord record)
    {
        Assert.Equal(SbeDecodeStatus.Ok, HeartbeatDecoder.TryDecode(record.Payload, 0, out HeartbeatDecoder heartbeat, out _));
        return heartbeat;
    }

    /// <summary>The single CommandResult answering <paramref name="correlationId"/>.</summary>
    private static JournalRecord ResultFor(EngineHarness harness, long correlationId) =>
        Assert.Single(harness.ReadJournal(CommandResultDecoder.TemplateId), r => DecodeResult(r).CorrelationId == correlationId);

    [Fact]
    public void Quote_OnMdRing_IsJournaledAndCounted()
    {
        using var harness = new EngineHarness();
        byte[] quote = EngineMessages.Quote(exchangeTs: 1);

        harness.WriteMd(QuoteEncoder.TemplateId, quote);
        harness.Drain();

        JournalRecord journaled = Assert.Single(harness.ReadJournal(QuoteEncoder.TemplateId));
        Assert.Equal(quote, journaled.Payload);
        EngineCounters counters = harness.Engine.Counters;
        Assert.Equal(1, counters.MdReceived.Get());
        Assert.Equal(1, counters.MdAccepted.Get());
        Assert.Equal(1, counters.MdQuotes.Get());
        Assert.Equal(0, counters.MdRejected.Get());
        Assert.Equal(harness.ReadJournal().Count, counters.JournalFrames.Get());
        Assert.Equal(harness.Engine.MdRing.TailPosition, harness.Engine.MdRing.HeadPosition);
    }

    [Fact]
    public void FullMarketDataBatches_EveryDutyCycle_AllReachTheVenues_NoneDroppedAtTheGatewayRing()
    {
        // a bursty feed: the market-data agent handles up to 1,024 ticks a cycle and forwards each quote to the venues
        // on the gateway ring; the gateway must drain as fast, or the ring fills and quotes are dropped before the venues
        using var harness = new EngineHarness(journalTicks: false);
        ulong ts = 1;
        for (int cycle = 0; cycle < 60; cycle++)
        {
            for (int i = 0; i < 1024; i++)
            {
                harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(ts++, ticksUp: i % 3));
            }

            harness.Invoke();
        }

        harness.Drain();
        Assert.Equal(60 * 1024, harness.Engine.Counters.MdAccepted.Get());
        Assert.Equal(0, harness.Engine.Gateway.MarketDataDropped.Get());
    }

    [Fact]
    public void MalformedRecords_OnMdRing_AreRejectedCountedAndAlerted_AndTheNextQuoteStillGoesThrough()
    {
        using var harness = new EngineHarness();
        byte[] good = EngineMessages.Quote(exchangeTs: 1);
        byte[] truncated = good[..20];
        byte[] garbage = new byte[good.Length];
        new Random(42).NextBytes(garbage);
        garbage[4] = 0xEE; // schemaId 0xEE.. is not the platform schema, whatever the random bytes say

        harness.WriteMd(QuoteEncoder.TemplateId, truncated);
        harness.WriteMd(QuoteEncoder.TemplateId, garbage);
        harness.WriteMd(QuoteEncoder.TemplateId, good);
        harness.Drain();

        EngineCounters counters = harness.Engine.Counters;
        Assert.Equal(3, counters.MdReceived.Get());
        Assert.Equal(2, counters.MdRejected.Get());
        Assert.Equal(1, counters.MdAccepted.Get());
        List<JournalRecord> alerts = harness.ReadJournal(RiskAlertDecoder.TemplateId);
        Assert.Equal(2, alerts.Count);
        foreach (JournalRecord record in alerts)
        {
            RiskAlertDecoder alert = DecodeAlert(record);
            Assert.Equal(BreachType.DataValidation, alert.BreachType);
            Assert.Equal(QuoteDecoder.TemplateId, alert.Value);
            Assert.Contains("malformed SBE", alert.GetTextAsString(), StringComparison.Ordinal);
        }

        JournalRecord journaled = Assert.Single(harness.ReadJournal(QuoteEncoder.TemplateId));
        Assert.Equal(good, journaled.Payload);
    }

    [Fact]
    public void ControlCommand_OnMdRing_IsCountedAsUnknownTypeAndNotApplied()
    {
        using var harness = new EngineHarness();

        harness.WriteMd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(correlationId: 5, KillSwitchAction.Engage));
        harness.Drain();

        EngineCounters counters = harness.Engine.Counters;
        Assert.Equal(1, counters.MdUnknownType.Get());
        Assert.Equal(0, counters.MdAccepted.Get());
        Assert.False(harness.Engine.KillSwitch.IsEngaged);
        Assert.Empty(harness.ReadJournal(KillSwitchCommandDecoder.TemplateId));
        Assert.Empty(harness.ReadJournal(KillSwitchStateDecoder.TemplateId));
        RiskAlertDecoder alert = DecodeAlert(Assert.Single(harness.ReadJournal(RiskAlertDecoder.TemplateId)));
        Assert.Equal(BreachType.DataValidation, alert.BreachType);
        Assert.Contains("not a market data message", alert.GetTextAsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_WithJournalTicksOff_IsCountedButNotJournaled()
    {
        using var harness = new EngineHarness(journalTicks: false);

        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(exchangeTs: 1));
        harness.Drain();

        Assert.Equal(1, harness.Engine.Counters.MdAccepted.Get());
        Assert.Empty(harness.ReadJournal(QuoteEncoder.TemplateId));
    }

    [Fact]
    public void KillSwitchEngage_JournalsStateThenAppliedResult_WithTheCommandsCorrelationId()
    {
        using var harness = new EngineHarness();

        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(correlationId: 4242, KillSwitchAction.Engage, "cli:ops@box", "fat finger"));
        harness.Drain();

        Assert.True(harness.Engine.KillSwitch.IsEngaged);
        Assert.Equal(1, harness.Engine.Counters.KillSwitchEngaged.Get());
        Assert.Equal(1, harness.Engine.Counters.CmdApplied.Get());
        List<JournalRecord> journal = harness.ReadJournal();
        int stateIndex = journal.FindIndex(r => r.Type == KillSwitchStateDecoder.TemplateId);
        int resultIndex = journal.FindIndex(r => r.Type == CommandResultDecoder.TemplateId);
        Assert.True(stateIndex >= 0 && resultIndex > stateIndex, "the new state is journaled before the command's result");
        KillSwitchStateDecoder state = DecodeKillSwitchState(journal[stateIndex]);
        Assert.Equal(BooleanType.True, state.Engaged);
        Assert.Equal(4242, state.CorrelationId);
        Assert.Equal("cli:ops@box", state.GetSourceAsString());
        Assert.Equal("fat finger", state.GetReasonAsString());
        CommandResultDecoder result = DecodeResult(journal[resultIndex]);
        Assert.Equal(4242, result.CorrelationId);
        Assert.Equal(KillSwitchCommandDecoder.TemplateId, result.CommandTemplateId);
        Assert.Equal(CommandStatus.Applied, result.Status);
        Assert.Equal("kill switch engaged", result.GetTextAsString());
    }

    [Fact]
    public void KillSwitchEngage_WhenAlreadyEngaged_IsAppliedWithoutASecondStateEvent()
    {
        using var harness = new EngineHarness();

        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(1, KillSwitchAction.Engage));
        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(2, KillSwitchAction.Engage));
        harness.Drain();

        Assert.Single(harness.ReadJournal(KillSwitchStateDecoder.TemplateId));
        CommandResultDecoder second = DecodeResult(ResultFor(harness, 2));
        Assert.Equal(CommandStatus.Applied, second.Status);
        Assert.Equal("kill switch already engaged", second.GetTextAsString());
        Assert.True(harness.Engine.KillSwitch.IsEngaged);
        Assert.Equal(1, harness.Engine.KillSwitch.Engagements);
        Assert.Equal(1, harness.Engine.Counters.KillSwitchEngaged.Get());
    }

    [Fact]
    public void KillSwitchResume_AfterEngage_ReleasesTheLatch()
    {
        using var harness = new EngineHarness();

        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(1, KillSwitchAction.Engage));
        harness.Drain();
        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(2, KillSwitchAction.Resume));
        harness.Drain();

        Assert.False(harness.Engine.KillSwitch.IsEngaged);
        Assert.Equal(0, harness.Engine.Counters.KillSwitchEngaged.Get());
        List<JournalRecord> states = harness.ReadJournal(KillSwitchStateDecoder.TemplateId);
        Assert.Equal(2, states.Count);
        KillSwitchStateDecoder released = DecodeKillSwitchState(states[1]);
        Assert.Equal(BooleanType.False, released.Engaged);
        Assert.Equal(2, released.CorrelationId);
        CommandResultDecoder result = DecodeResult(ResultFor(harness, 2));
        Assert.Equal(CommandStatus.Applied, result.Status);
        Assert.Equal("kill switch released", result.GetTextAsString());
    }

    [Fact]
    public void SetLimit_Valid_ChangesTheLimitAndIsApplied()
    {
        using var harness = new EngineHarness();

        harness.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(10, LimitType.Position, LimitScope.Instrument, instrumentId: 2, strategyId: SetLimitEncoder.StrategyIdNullValue, value: 1_000));
        harness.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(11, LimitType.DailyLoss, LimitScope.Portfolio, SetLimitEncoder.InstrumentIdNullValue, SetLimitEncoder.StrategyIdNullValue, 50_000_00000000));
        harness.Drain();

        RiskLimits limits = harness.Engine.Limits;
        Assert.Equal(1_000, limits.Instrument(LimitType.Position, 2));
        Assert.Equal(harness.Config.Instruments[1].MaxPosition, limits.Instrument(LimitType.Position, 1)); // from config
        Assert.Equal(50_000_00000000, limits.Portfolio(LimitType.DailyLoss));
        Assert.Equal(CommandStatus.Applied, DecodeResult(ResultFor(harness, 10)).Status);
        Assert.Equal(CommandStatus.Applied, DecodeResult(ResultFor(harness, 11)).Status);
        Assert.Equal(2, harness.Engine.Counters.CmdApplied.Get());
    }

    /// <summary>Out-of-range ids are relative to what is configured: <c>past</c> = one past the last id.</summary>
    [Theory]
    [InlineData(LimitScope.Instrument, "past", 100L, "instrumentId")]
    [InlineData(LimitScope.Instrument, "-1", 100L, "instrumentId -1")]
    [InlineData(LimitScope.Strategy, "past", 100L, "strategyId")]
    [InlineData(LimitScope.Instrument, "0", -1L, "negative")]
    public void SetLimit_OutOfRange_IsRejectedAndChangesNothing(LimitScope scope, string id, long value, string why)
    {
        using var harness = new EngineHarness();
        RiskLimits limits = harness.Engine.Limits;
        int past = scope == LimitScope.Instrument ? limits.MaxInstruments : limits.MaxStrategies;
        int target = id == "past" ? past : int.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        int instrumentId = scope == LimitScope.Instrument ? target : SetLimitEncoder.InstrumentIdNullValue;
        short strategyId = scope == LimitScope.Strategy ? (short)target : SetLimitEncoder.StrategyIdNullValue;

        harness.WriteCmd(SetLimitDecoder.TemplateId, EngineMessages.SetLimit(77, LimitType.Position, scope, instrumentId, strategyId, value));
        harness.Drain();

        CommandResultDecoder result = DecodeResult(ResultFor(harness, 77));
        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Contains(why, result.GetTextAsString(), StringComparison.Ordinal);
        for (int i = 0; i < limits.MaxInstruments; i++)
        {
            // the engine starts with each instrument's configured max position as its position limit
            Assert.Equal(harness.Config.Instruments[i].MaxPosition, limits.Instrument(LimitType.Position, i));
        }

        for (int i = 0; i < limits.MaxStrategies; i++)
        {
            Assert.Equal(RiskLimits.Unlimited, limits.Strategy(LimitType.Position, i));
        }

        Assert.Equal(RiskLimits.Unlimited, limits.Portfolio(LimitType.Position));
        Assert.Equal(1, harness.Engine.Counters.CmdRejected.Get());
        Assert.Equal(0, harness.Engine.Counters.CmdApplied.Get());
    }

    [Fact]
    public void StrategyControl_ForUnconfiguredStrategy_IsRejectedAsUnknownStrategy()
    {
        using var harness = new EngineHarness();

        harness.WriteCmd(StrategyControlDecoder.TemplateId, EngineMessages.StrategyControl(31, strategyId: 2, StrategyAction.Enable));
        harness.Drain();

        CommandResultDecoder result = DecodeResult(ResultFor(harness, 31));
        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(RejectReason.UnknownStrategy, result.RejectReason);
        Assert.Equal(StrategyControlDecoder.TemplateId, result.CommandTemplateId);
        Assert.Equal(1, harness.Engine.Counters.CmdRejected.Get());
    }

    [Fact]
    public void UnknownMsgTypeId_OnCmdRing_IsRejectedNamingTheType()
    {
        using var harness = new EngineHarness();

        harness.WriteCmd(QuoteEncoder.TemplateId, EngineMessages.Quote(exchangeTs: 1));
        harness.Drain();

        CommandResultDecoder result = DecodeResult(Assert.Single(harness.ReadJournal(CommandResultDecoder.TemplateId)));
        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Equal(QuoteEncoder.TemplateId, result.CommandTemplateId);
        Assert.Contains("msgTypeId 1 is not a control command", result.GetTextAsString(), StringComparison.Ordinal);
        Assert.Empty(harness.ReadJournal(QuoteEncoder.TemplateId));
        Assert.Equal(1, harness.Engine.Counters.CmdRejected.Get());
    }

    [Fact]
    public void MalformedKillSwitchCommand_IsRejectedAndDoesNotEngage()
    {
        using var harness = new EngineHarness();
        byte[] command = EngineMessages.KillSwitch(9, KillSwitchAction.Engage);

        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, command[..12]);
        harness.Drain();

        Assert.False(harness.Engine.KillSwitch.IsEngaged);
        CommandResultDecoder result = DecodeResult(Assert.Single(harness.ReadJournal(CommandResultDecoder.TemplateId)));
        Assert.Equal(CommandStatus.Rejected, result.Status);
        Assert.Contains("malformed command", result.GetTextAsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Heartbeat_IsJournaledWhenTheIntervalPasses_AndNotBefore()
    {
        using var harness = new EngineHarness();

        harness.Drain(); // the conductor beats once on its first duty cycle
        Assert.Single(harness.ReadJournal(HeartbeatDecoder.TemplateId));

        harness.Clock.Advance(EngineHarness.HeartbeatIntervalNs - 1);
        harness.Drain();
        Assert.Single(harness.ReadJournal(HeartbeatDecoder.TemplateId));

        harness.Clock.Advance(1);
        harness.Drain();
        List<JournalRecord> heartbeats = harness.ReadJournal(HeartbeatDecoder.TemplateId);
        Assert.Equal(2, heartbeats.Count);
        HeartbeatDecoder last = DecodeHeartbeat(heartbeats[1]);
        Assert.Equal(EngineState.Running, last.State);
        long nowNs = EngineHarness.StartEpochNs + EngineHarness.HeartbeatIntervalNs;
        Assert.Equal((ulong)nowNs, last.Ts);
        Assert.Equal((ulong)heartbeats[1].Sequence, last.JournalSequence);
        Assert.Equal(nowNs / 1_000_000, harness.Engine.MdRing.ConsumerHeartbeatTimeMs);
        Assert.Equal(nowNs / 1_000_000, harness.Engine.CmdRing.ConsumerHeartbeatTimeMs);
        using CountersReader counters = harness.Engine.CountersManager.CreateReader();
        Assert.Equal(nowNs, counters.HeartbeatEpochNs);
    }

    [Fact]
    public void Dispose_JournalsAFinalStoppingHeartbeat()
    {
        using var harness = new EngineHarness();
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(exchangeTs: 1));
        harness.Drain();
        int framesWhileRunning = harness.ReadJournal().Count;

        harness.Restart(); // disposes the first engine; the second has not run a duty cycle yet

        List<JournalRecord> journal = harness.ReadJournal();
        Assert.Equal(framesWhileRunning + 3, journal.Count); // final risk metrics and P&L snapshot, then the Stopping heartbeat
        Assert.Equal(PnlSnapshotDecoder.TemplateId, journal[^2].Type);
        Assert.Equal(HeartbeatDecoder.TemplateId, journal[^1].Type);
        HeartbeatDecoder stopping = DecodeHeartbeat(journal[^1]);
        Assert.Equal(EngineState.Stopping, stopping.State);
        Assert.Equal((ulong)journal[^1].Sequence, stopping.JournalSequence);
    }

    [Fact]
    public void Restart_OnTheSameJournal_ContinuesTheSequenceWithoutDropping()
    {
        using var harness = new EngineHarness();
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(exchangeTs: 1));
        harness.WriteCmd(KillSwitchCommandDecoder.TemplateId, EngineMessages.KillSwitch(1, KillSwitchAction.Engage));
        harness.Drain();
        int framesBefore = harness.ReadJournal().Count;

        harness.Restart();
        harness.WriteMd(QuoteEncoder.TemplateId, EngineMessages.Quote(exchangeTs: 2, ticksUp: 1));
        harness.Drain();

        var recovery = harness.Engine.Recovery;
        Assert.False(recovery.CreatedNew);
        Assert.False(recovery.Truncated);
        Assert.Equal(0, recovery.DroppedFrames);
        Assert.Equal(framesBefore + 3, recovery.ValidFramesScanned); // + final risk metrics, P&L snapshot and Stopping heartbeat
        List<JournalRecord> journal = harness.ReadJournal();
        for (int i = 0; i < journal.Count; i++)
        {
            Assert.Equal(i + 1, journal[i].Sequence);
        }

        Assert.Equal(2, journal.Count(r => r.Type == QuoteEncoder.TemplateId));
        Assert.Equal(recovery.NextSequence, journal.First(r => r.Sequence > framesBefore + 3).Sequence);
    }

    [Fact]
    public void QuotesThroughMdRing_AfterWarmUp_AllocateNothing()
    {
        // 16 MiB segments: the 10,000 journaled ticks fit in the active segment, so no roll happens mid-measure.
        using var harness = new EngineHarness(journalTicks: true, segmentLength: 16 << 20);
        var quote = new byte[QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength];
        PumpQuotes(harness, quote, firstExchangeTs: 1, count: 1_000);
        harness.Clock.Advance(EngineHarness.HeartbeatIntervalNs);
        harness.Drain();
        long acceptedBefore = harness.Engine.Counters.MdAccepted.Get();

        long before = GC.GetAllocatedBytesForCurrentThread();
        PumpQuotes(harness, quote, firstExchangeTs: 1_001, count: 10_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(acceptedBefore + 10_000, harness.Engine.Counters.MdAccepted.Get());
        Assert.Equal(11_000, harness.ReadJournal(QuoteEncoder.TemplateId).Count);
        Assert.Equal(0, harness.Engine.Errors.ErrorCount);
    }

    private static void PumpQuotes(EngineHarness harness, byte[] quote, long firstExchangeTs, int count)
    {
        for (int i = 0; i < count; i++)
        {
            // a small walk around 190.00 with rising exchange time: every quote passes validation
            long bid = EngineMessages.AaplPrice - EngineMessages.Tick - ((i % 3) * EngineMessages.Tick);
            int length = EngineMessages.WriteQuote(quote, EngineMessages.Aapl, bid, bid + (2 * EngineMessages.Tick), (ulong)(firstExchangeTs + i));
            if (harness.Engine.MdRing.Write(QuoteEncoder.TemplateId, quote.AsSpan(0, length)) != WriteResult.Success)
            {
                throw new InvalidOperationException("md.ring full");
            }

            if ((i & 15) == 15)
            {
                InvokeUntilIdle(harness);
            }
        }

        InvokeUntilIdle(harness);
    }

    /// <summary>Like <see cref="EngineHarness.Drain"/> but free of allocation, for the measured loop.</summary>
    private static void InvokeUntilIdle(EngineHarness harness)
    {
        for (int cycle = 0; cycle < 1_000 && harness.Invoke() > 0; cycle++)
        {
        }
    }
}
