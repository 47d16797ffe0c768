using Llt.Codecs.Runtime;
using Llt.Hotpath.Journal;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Rebuilds positions and P&amp;L after a restart by replaying every fill the journal holds (the fills group of
/// each ExecutionReport) into the portfolio, the risk gate's positions and the strategies' positions, and
/// moves client order ids past every id already used. Orders that were working when the engine stopped
/// are not resumed: the embedded venue restarted with the engine, so they no longer exist there; each is
/// journaled as cancelled, so the journal (and every sink reading it) ends each order with a final state.
/// A replaced order is working under its new id only: the journal's ReplaceOrder says which id each replace
/// request replaced, and its ExecutionReport Replaced ends the old one.
/// </summary>
public static class PositionRecovery
{
    /// <summary>Replays <paramref name="journalDirectory"/>; returns the number of fills applied.</summary>
    public static int Replay(string journalDirectory, ExecutionPipeline execution, StrategyHost strategies, ClientOrderIds orderIds)
    {
        if (!Directory.Exists(journalDirectory) || JournalDirectory.ListSegmentIndices(journalDirectory).Count == 0)
        {
            return 0;
        }

        return Replay([new JournalHistoryPart(journalDirectory, -1)], execution, strategies, orderIds);
    }

    /// <summary>Replays every part of <paramref name="history"/>, oldest first; returns the number of fills applied.</summary>
    public static int Replay(IReadOnlyList<JournalHistoryPart> history, ExecutionPipeline execution, StrategyHost strategies, ClientOrderIds orderIds)
    {
        int applied = 0;
        var open = new Dictionary<long, OpenOrder>();
        var replaced = new Dictionary<long, long>();
        foreach (JournalHistoryPart part in history)
        {
            using JournalTailer tailer = part.Open();
            applied += ReplayFrames(tailer, execution, strategies, orderIds, open, replaced);
        }

        foreach ((long clOrdId, OpenOrder order) in open)
        {
            execution.JournalRestartCancel(clOrdId, order.StrategyId, order.InstrumentId, order.VenueId, order.Side, order.Price, order.OrderQty, order.CumQty);
        }

        return applied;
    }

    private readonly record struct OpenOrder(int StrategyId, int InstrumentId, int VenueId, Side Side, long Price, long OrderQty, long CumQty);

    private static int ReplayFrames(
        JournalTailer tailer, ExecutionPipeline execution, StrategyHost strategies, ClientOrderIds orderIds, Dictionary<long, OpenOrder> open, Dictionary<long, long> replaced)
    {
        int applied = 0;
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            if (frame.Type == NewOrderDecoder.TemplateId
                && NewOrderDecoder.TryDecode(frame.Payload, 0, out NewOrderDecoder order, out SbeError _) == SbeDecodeStatus.Ok)
            {
                orderIds.EnsureAbove((long)order.ClOrdId);
                continue;
            }

            if (frame.Type == ReplaceOrderDecoder.TemplateId
                && ReplaceOrderDecoder.TryDecode(frame.Payload, 0, out ReplaceOrderDecoder replace, out SbeError _) == SbeDecodeStatus.Ok)
            {
                orderIds.EnsureAbove((long)replace.ClOrdId);
                replaced[(long)replace.ClOrdId] = (long)replace.OrigClOrdId;
                continue;
            }

            if (frame.Type != ExecutionReportDecoder.TemplateId
                || ExecutionReportDecoder.TryDecode(frame.Payload, 0, out ExecutionReportDecoder report, out SbeError _) != SbeDecodeStatus.Ok)
            {
                continue;
            }

            long clOrdId = (long)report.ClOrdId;
            int instrumentId = report.InstrumentId;
            int strategyId = report.StrategyId;
            Side side = report.Side;
            orderIds.EnsureAbove(clOrdId);
            if (report.ExecType == ExecType.Replaced && replaced.Remove(clOrdId, out long origClOrdId))
            {
                open.Remove(origClOrdId);
            }
            else if (report.ExecType == ExecType.Rejected && report.OrdStatus != OrdStatus.Rejected)
            {
                // a refused cancel or replace: its status is the order's, which works on under its own id
                replaced.Remove(clOrdId);
                continue;
            }

            if (report.OrdStatus is OrdStatus.New or OrdStatus.PartiallyFilled or OrdStatus.PendingNew or OrdStatus.PendingCancel or OrdStatus.PendingReplace)
            {
                open[clOrdId] = new OpenOrder(strategyId, instrumentId, report.VenueId, side, report.Price, report.OrderQty, report.CumQty);
            }
            else
            {
                open.Remove(clOrdId);
            }

            var fills = report.Fills();
            while (fills.HasNext)
            {
                fills.Next();
                long qty = fills.LastQty;
                long price = fills.LastPx;
                long fee = fills.Fee;
                if (execution.Portfolio.OnFill(strategyId, instrumentId, side, qty, price, fee) != Portfolio.FillResult.Applied)
                {
                    continue;
                }

                execution.Risk.OnFill(strategyId, -1, instrumentId, side, qty, price);
                if ((uint)strategyId < (uint)strategies.Count)
                {
                    strategies.Context(strategyId).ApplyFill(new Fill(clOrdId, instrumentId, side, price, qty, fee, 0));
                }

                applied++;
            }
        }

        return applied;
    }
}
