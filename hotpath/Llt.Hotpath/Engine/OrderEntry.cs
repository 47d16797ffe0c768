using Llt.Hotpath.Counters;
using Llt.Hotpath.Orders;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Where strategies' decisions go after each dispatched tick, on the trading thread: every intent is
/// journaled as the SBE NewOrder / CancelOrder / ReplaceOrder it is, counted, its tick-to-decision latency recorded, and
/// handed to the <see cref="ExecutionPipeline"/> (risk, OMS, venue) when one is wired in.
/// </summary>
public sealed class OrderEntry
{
    private const int NewOrderLength = NewOrderEncoder.HeaderLength + NewOrderEncoder.BlockLength;

    private readonly EventJournal _journal;
    private readonly INanoClock _clock;
    private readonly ExecutionPipeline? _execution;

    public OrderEntry(EventJournal journal, CountersManager counters, INanoClock clock, ExecutionPipeline? execution = null)
    {
        _execution = execution;
        _journal = journal;
        _clock = clock;
        Decisions = counters.AllocateCounter(500, "strategy: orders decided");
        Cancels = counters.AllocateCounter(501, "strategy: cancels decided");
        RefusedSlots = counters.AllocateCounter(502, "strategy: intents refused (slots full)");
        Replaces = counters.AllocateCounter(503, "strategy: replaces decided");
        TickToDecision = counters.AllocateHistogram(902, "tick-to-decision ns");
    }

    public Counter Decisions { get; }

    public Counter Cancels { get; }

    public Counter RefusedSlots { get; }

    public Counter Replaces { get; }

    public LatencyHistogram TickToDecision { get; }

    /// <summary>Processes and clears every intent left by the last dispatch; returns how many.</summary>
    public int Drain(OrderIntentBuffer intents)
    {
        int count = intents.Count;
        for (int i = 0; i < count; i++)
        {
            ref readonly OrderIntent intent = ref intents[i];
            if (intent.ReceiveTs > 0 && intent.DecisionTs >= intent.ReceiveTs)
            {
                TickToDecision.Record(intent.DecisionTs - intent.ReceiveTs);
            }

            // the decision read the clock a moment ago: that reading dates what this tick journals, no second read
            if (intent.DecisionTs > 0)
            {
                _journal.StampIfPending(intent.DecisionTs);
            }

            if (intent.Kind == OrderIntentKind.New)
            {
                Decisions.Increment();
                // the order's events (NewOrder, its route, a reject) keep their order in the journal but are written
                // once the order has left for the gateway ring: journaling is not on its tick-to-order
                _journal.DeferAppends();
                // its place comes first; it is encoded once the order is out (the intent holds everything it says)
                Span<byte> newOrder = _journal.ReserveDeferred(NewOrderEncoder.TemplateId, NewOrderLength);
                if (newOrder.IsEmpty)
                {
                    JournalNewOrder(intent, _journal.ClearedScratch(NewOrderLength));
                }

                // the decision's own timestamp is "now" for risk (rate limits): a fresh clock read here would cost
                // as much as the risk checks themselves
                _execution?.Submit(intent, intent.DecisionTs > 0 ? intent.DecisionTs : _clock.NanoTime());
                if (!newOrder.IsEmpty)
                {
                    newOrder.Clear();
                    EncodeNewOrder(intent, newOrder);
                }

                _journal.AppendDeferred();
            }
            else if (intent.Kind == OrderIntentKind.Cancel)
            {
                Cancels.Increment();
                JournalCancel(intent);
                _execution?.Cancel(intent.OrigClOrdId, _clock.NanoTime());
            }
            else
            {
                Replaces.Increment();
                JournalReplace(intent);
                _execution?.Replace(intent, intent.DecisionTs > 0 ? intent.DecisionTs : _clock.NanoTime());
            }
        }

        RefusedSlots.Set(intents.Refused);
        intents.Clear();
        return count;
    }

    private void JournalNewOrder(in OrderIntent intent, Span<byte> scratch)
    {
        EncodeNewOrder(intent, scratch);
        _journal.AppendScratch(NewOrderEncoder.TemplateId, NewOrderLength);
    }

    private static void EncodeNewOrder(in OrderIntent intent, Span<byte> buffer)
    {
        var order = NewOrderEncoder.WrapAndApplyHeader(buffer, 0);
        ref readonly OrderRequest request = ref intent.Request;
        order.SetClOrdId((ulong)intent.ClOrdId);
        order.SetInstrumentId(request.InstrumentId);
        order.SetStrategyId((short)intent.StrategyId);
        order.SetVenueId(NewOrderEncoder.VenueIdNullValue);
        order.SetSide(request.Side);
        order.SetOrdType(request.OrdType);
        order.SetTimeInForce(request.TimeInForce);
        order.SetExecInst(request.ExecInst);
        order.SetPrice(request.Price == OrderRequest.NoPrice ? NewOrderEncoder.PriceNullValue : request.Price);
        order.SetStopPrice(request.StopPrice > 0 ? request.StopPrice : NewOrderEncoder.StopPriceNullValue);
        order.SetQty(request.Qty);
        order.SetReceiveTs((ulong)intent.ReceiveTs);
        order.SetDecisionTs((ulong)intent.DecisionTs);
        order.SetTrailPrice(request.TrailPrice > 0 ? request.TrailPrice : NewOrderEncoder.TrailPriceNullValue);
        order.SetTrailBps(request.TrailBps > 0 ? request.TrailBps : NewOrderEncoder.TrailBpsNullValue);
    }

    private void JournalReplace(in OrderIntent intent)
    {
        int length = ReplaceOrderWriter.Encode(_journal.ClearedScratch(ReplaceOrderWriter.Length), intent.ClOrdId, intent.OrigClOrdId,
            intent.Request.InstrumentId, intent.StrategyId, intent.Request.Price, intent.Request.Qty, intent.DecisionTs);
        _journal.AppendScratch(ReplaceOrderEncoder.TemplateId, length);
    }

    private void JournalCancel(in OrderIntent intent)
    {
        var cancel = CancelOrderEncoder.WrapAndApplyHeader(_journal.ClearedScratch(CancelOrderEncoder.HeaderLength + CancelOrderEncoder.BlockLength), 0);
        cancel.SetClOrdId((ulong)intent.ClOrdId);
        cancel.SetOrigClOrdId((ulong)intent.OrigClOrdId);
        cancel.SetInstrumentId(intent.Request.InstrumentId);
        cancel.SetStrategyId((short)intent.StrategyId);
        cancel.SetDecisionTs((ulong)intent.DecisionTs);
        _journal.AppendScratch(CancelOrderEncoder.TemplateId, CancelOrderEncoder.HeaderLength + cancel.EncodedLength);
    }
}
