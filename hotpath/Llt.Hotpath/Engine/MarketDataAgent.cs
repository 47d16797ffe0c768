using System.Text.Unicode;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Drains md.ring: every record is one SBE market data message whose ring msgTypeId is its templateId.
/// Each is validated with the checked decoder (the ring is writable by any local process, so its bytes are
/// untrusted), counted, and journaled when tick journaling is on. A malformed record is rejected, counted
/// and reported as a DataValidation alert; it never stops the agent.
/// </summary>
public sealed class MarketDataAgent : IAgent
{
    private const int BatchLimit = 256;

    private readonly RingBuffer _ring;
    private Handler _handler;

    public MarketDataAgent(RingBuffer ring, EventJournal journal, EngineCounters counters, INanoClock clock, bool journalTicks)
    {
        _ring = ring;
        _handler = new Handler(journal, counters, clock, journalTicks);
    }

    public string RoleName => "market-data";

    public int DoWork()
    {
        int read = _ring.Read(ref _handler, BatchLimit);
        _handler.Counters.MdRingCorrupt.Set(_ring.CorruptRecordCount);
        return read;
    }

    private struct Handler : IMessageHandler
    {
        private readonly EventJournal _journal;
        private readonly INanoClock _clock;
        private readonly bool _journalTicks;
        private readonly byte[] _text;

        public Handler(EventJournal journal, EngineCounters counters, INanoClock clock, bool journalTicks)
        {
            _journal = journal;
            Counters = counters;
            _clock = clock;
            _journalTicks = journalTicks;
            _text = new byte[256];
        }

        public EngineCounters Counters { get; }

        public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
        {
            Counters.MdReceived.Increment();
            ReadOnlySpan<byte> message = buffer.AsSpan(index, length);
            SbeError error;
            long receiveTs = 0;
            switch (msgTypeId)
            {
                case QuoteDecoder.TemplateId:
                    if (QuoteDecoder.TryDecode(message, 0, out QuoteDecoder quote, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    receiveTs = (long)quote.ReceiveTs;
                    Counters.MdQuotes.Increment();
                    break;
                case TradeDecoder.TemplateId:
                    if (TradeDecoder.TryDecode(message, 0, out TradeDecoder trade, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    receiveTs = (long)trade.ReceiveTs;
                    Counters.MdTrades.Increment();
                    break;
                case BookLevelUpdateDecoder.TemplateId:
                    if (BookLevelUpdateDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case BookSnapshotDecoder.TemplateId:
                    if (BookSnapshotDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderAddDecoder.TemplateId:
                    if (OrderAddDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderModifyDecoder.TemplateId:
                    if (OrderModifyDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderDeleteDecoder.TemplateId:
                    if (OrderDeleteDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderExecuteDecoder.TemplateId:
                    if (OrderExecuteDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case InstrumentStatusDecoder.TemplateId:
                    if (InstrumentStatusDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    break;
                case InstrumentDefinitionDecoder.TemplateId:
                    if (InstrumentDefinitionDecoder.TryDecode(message, 0, out _, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    break;
                default:
                    Counters.MdUnknownType.Increment();
                    Alert(msgTypeId, "not a market data message", 0);
                    return;
            }

            Counters.MdAccepted.Increment();
            if (receiveTs > 0)
            {
                long hopNs = _clock.NanoTime() - receiveTs;
                if (hopNs >= 0)
                {
                    Counters.MdRingLatency.Record(hopNs);
                }
            }

            if (_journalTicks)
            {
                _journal.Append(msgTypeId, message);
            }
        }

        private void Reject(int msgTypeId, SbeError error)
        {
            Counters.MdRejected.Increment();
            Alert(msgTypeId, "malformed SBE", error.Offset, error.Reason);
        }

        private void Alert(int msgTypeId, string what, int offset, SbeErrorReason reason = SbeErrorReason.None)
        {
            // Formatting into a preallocated buffer: rejected input must not make the agent allocate.
            Utf8.TryWrite(_text, $"md.ring msgTypeId {msgTypeId}: {what} ({reason}) at offset {offset}", out int textLength);
            var alert = RiskAlertEncoder.WrapAndApplyHeader(_journal.ClearedScratch(RiskAlertEncoder.HeaderLength + RiskAlertEncoder.BlockLength), 0);
            alert.SetBreachType(BreachType.DataValidation);
            alert.SetSeverity(Severity.Warning);
            alert.SetStrategyId(RiskAlertEncoder.StrategyIdNullValue);
            alert.SetInstrumentId(RiskAlertEncoder.InstrumentIdNullValue);
            alert.SetValue(msgTypeId);
            alert.SetLimitValue(0);
            alert.SetTs((ulong)_journal.EpochNanoTime());
            alert.SetText(_text.AsSpan(0, textLength));
            _journal.AppendScratch(RiskAlertEncoder.TemplateId, RiskAlertEncoder.HeaderLength + alert.EncodedLength);
        }
    }
}
