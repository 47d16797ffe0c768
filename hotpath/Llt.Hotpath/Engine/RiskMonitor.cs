using System.Text.Unicode;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.Portfolio;
using Llt.Hotpath.Risk;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Post-trade risk on the conductor's timer, off the tick path: feeds the interval's portfolio P&amp;L change
/// and instrument returns into the <see cref="RiskMetricsCalculator"/>, journals RiskMetrics (historical VaR
/// 95/99 over the window, max drawdown, gross/net exposure) and mirrors them in counters, and turns every
/// breach the risk gate reports (daily loss, drawdown, ...) into a RiskAlert — plus a KillSwitchState when
/// the breach tripped the kill switch.
/// </summary>
public sealed class RiskMonitor
{
    /// <summary>Intervals in the VaR window: with a 1 s timer, the last ~8.5 minutes.</summary>
    public const int WindowIntervals = 512;

    private readonly ExecutionPipeline _execution;
    private readonly InstrumentTable _instruments;
    private readonly EventJournal _journal;
    private readonly RiskMetricsCalculator _calculator;
    private readonly double[] _returns;
    private readonly double[] _exposures;
    private readonly long[] _lastMids;
    private readonly byte[] _text = new byte[256];
    private ulong _activeBreaches;
    private long _lastEquity;
    private bool _primed;

    public RiskMonitor(ExecutionPipeline execution, InstrumentTable instruments, EventJournal journal, CountersManager counters)
    {
        _execution = execution;
        _instruments = instruments;
        _journal = journal;
        int count = Math.Max(1, instruments.Count);
        _calculator = new RiskMetricsCalculator(count, WindowIntervals);
        _returns = new double[count];
        _exposures = new double[count];
        _lastMids = new long[count];
        Var95 = counters.AllocateCounter(700, "risk: VaR 95% (1e-8)");
        Var99 = counters.AllocateCounter(701, "risk: VaR 99% (1e-8)");
        MaxDrawdown = counters.AllocateCounter(702, "risk: max drawdown in window (1e-8)");
        Breaches = counters.AllocateCounter(703, "risk: breaches");
    }

    public Counter Var95 { get; }

    public Counter Var99 { get; }

    public Counter MaxDrawdown { get; }

    public Counter Breaches { get; }

    public RiskMetrics LastMetrics { get; private set; }

    /// <summary>One timer interval: sample, compute, journal; then report any breaches.</summary>
    public void OnTimer(long epochNs, long nowNs)
    {
        PortfolioLedger portfolio = _execution.Portfolio;
        bool tripped = _execution.Risk.OnPnl(portfolio.DailyPnl, portfolio.Equity, nowNs);
        Sample(portfolio);
        JournalMetrics(epochNs);
        // A breach that persists is reported on every timer; alert once when it starts, again only after it cleared.
        ulong seen = 0;
        while (_execution.Risk.TryTakeBreach(out RiskBreach breach))
        {
            ulong bit = 1UL << ((int)breach.Type & 63);
            seen |= bit;
            if ((_activeBreaches & bit) == 0)
            {
                Breaches.Increment();
                JournalBreach(breach, epochNs);
            }
        }

        _activeBreaches = seen;

        if (tripped)
        {
            // The gate engaged the kill switch on a breach: working orders go too, as for an operator's kill.
            _execution.CancelAll(nowNs);
        }
    }

    private void Sample(PortfolioLedger portfolio)
    {
        for (int i = 0; i < _instruments.Count; i++)
        {
            long mid = _instruments[i].Mid;
            _returns[i] = _primed && _lastMids[i] > 0 && mid > 0 ? (mid - _lastMids[i]) / (double)_lastMids[i] : 0.0;
            _lastMids[i] = mid;
            _exposures[i] = portfolio.GetInstrumentPosition(i).Quantity * FixedPoint.ToDouble(mid);
        }

        long equity = portfolio.Equity;
        if (_primed)
        {
            _calculator.OnPnlChange(FixedPoint.ToDouble(equity - _lastEquity));
            _calculator.OnInstrumentReturns(_returns);
        }

        _lastEquity = equity;
        _primed = true;
        LastMetrics = _calculator.Compute(_exposures);
    }

    private void JournalMetrics(long epochNs)
    {
        RiskMetrics m = LastMetrics;
        long var95 = ToMoney(m.Var95);
        long var99 = ToMoney(m.Var99);
        long drawdown = ToMoney(m.MaxDrawdown);
        Var95.Set(var95);
        Var99.Set(var99);
        MaxDrawdown.Set(drawdown);
        var metrics = RiskMetricsEncoder.WrapAndApplyHeader(_journal.ClearedScratch(RiskMetricsEncoder.HeaderLength + RiskMetricsEncoder.BlockLength), 0);
        metrics.SetVar95(var95);
        metrics.SetVar99(var99);
        metrics.SetMaxDrawdown(drawdown);
        metrics.SetGrossExposure(_execution.Portfolio.GrossExposure);
        metrics.SetNetExposure(_execution.Portfolio.NetExposure);
        metrics.SetTs((ulong)epochNs);
        _journal.AppendScratch(RiskMetricsEncoder.TemplateId, RiskMetricsEncoder.HeaderLength + metrics.EncodedLength);
    }

    private void JournalBreach(in RiskBreach breach, long epochNs)
    {
        Utf8.TryWrite(_text, $"{breach.Type} breach: value {breach.Value} limit {breach.Limit}{(breach.EngagedKillSwitch ? "; kill switch engaged" : "")}", out int textLength);
        var alert = RiskAlertEncoder.WrapAndApplyHeader(_journal.ClearedScratch(RiskAlertEncoder.HeaderLength + RiskAlertEncoder.BlockLength), 0);
        alert.SetBreachType(breach.Type);
        alert.SetSeverity(breach.EngagedKillSwitch ? Severity.Critical : Severity.Warning);
        alert.SetStrategyId(breach.StrategyId >= 0 ? (short)breach.StrategyId : RiskAlertEncoder.StrategyIdNullValue);
        alert.SetInstrumentId(breach.InstrumentId >= 0 ? breach.InstrumentId : RiskAlertEncoder.InstrumentIdNullValue);
        alert.SetValue(breach.Value);
        alert.SetLimitValue(breach.Limit);
        alert.SetTs((ulong)epochNs);
        alert.SetText(_text.AsSpan(0, textLength));
        _journal.AppendScratch(RiskAlertEncoder.TemplateId, RiskAlertEncoder.HeaderLength + alert.EncodedLength);
        if (breach.EngagedKillSwitch)
        {
            var state = KillSwitchStateEncoder.WrapAndApplyHeader(_journal.ClearedScratch(KillSwitchStateEncoder.HeaderLength + KillSwitchStateEncoder.BlockLength), 0);
            state.SetEngaged(BooleanType.True);
            state.SetBreachType(breach.Type);
            state.SetCanceledOrders((uint)_execution.Oms.OpenCount);
            state.SetCorrelationId(0);
            state.SetTs((ulong)epochNs);
            state.SetSource("engine:risk"u8);
            state.SetReason(_text.AsSpan(0, textLength));
            _journal.AppendScratch(KillSwitchStateEncoder.TemplateId, KillSwitchStateEncoder.HeaderLength + state.EncodedLength);
        }
    }

    private static long ToMoney(double currency) => double.IsFinite(currency) ? (long)Math.Round(currency * FixedPoint.Scale) : 0;
}
