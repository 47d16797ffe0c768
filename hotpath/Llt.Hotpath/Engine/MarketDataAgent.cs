using System.Text.Unicode;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.MarketData;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.MarketData.Validation;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
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
    // Larger than the simulator's publish batch, so a shared duty cycle drains md.ring rather than letting
    // it fill (a full ring turns into queueing latency for every tick).
    /// <summary>Ticks read from md.ring per duty cycle; the gateway's order batch is sized from it.</summary>
    internal const int BatchLimit = 1024;

    // Enum names looked up once: formatting an enum in the reject path would allocate on its first use.
    private static readonly string[] RejectReasonNames = Enum.GetNames<TickRejectReason>();
    private static readonly string[] SbeErrorNames = Enum.GetNames<SbeErrorReason>();

    private readonly RingBuffer _ring;
    private Handler _handler;

    public MarketDataAgent(
        RingBuffer ring, EventJournal journal, EngineCounters counters, INanoClock clock, bool journalTicks,
        InstrumentTable instruments, TickValidator validator, StrategyHost strategies, OrderEntry orderEntry, MarketBooks books,
        ExecutionPipeline? execution, FeedSelector feeds)
    {
        // run the static initialiser now, not on the first rejected tick in the middle of trading
        GC.KeepAlive(RejectReasonNames);
        _ring = ring;
        _handler = new Handler(journal, counters, clock, journalTicks, instruments, validator, strategies, orderEntry, books, execution, feeds);
    }

    public string RoleName => "market-data";

    /// <summary>Published each duty cycle (the clock read this agent takes anyway) for agents on the same thread.</summary>
    public CachedNanoClock? CycleClock
    {
        get => _handler.CycleClock;
        set => _handler.CycleClock = value;
    }

    /// <summary>Strategies start on the thread that will dispatch to them.</summary>
    public void OnStart() => _handler.Strategies.Start();

    public void OnClose() => _handler.Strategies.Stop();

    public int DoWork()
    {
        int read;
        try
        {
            read = _ring.Read(ref _handler, BatchLimit);
        }
        finally
        {
            // in a finally: a tick whose strategy threw was still received and accepted
            _handler.PublishCounts();
        }

        // One clock read per duty cycle, not per tick (a vDSO clock_gettime is ~20 ns here, as much as a strategy):
        // it closes the ring-hop samples of the ticks just handled and is "now" for the venue reports.
        long nowNs = _handler.Clock.NanoTime();
        _handler.RecordRingLatency(nowNs);
        read += _handler.PollVenues(nowNs);
        _handler.Counters.MdRingCorrupt.Set(_ring.CorruptRecordCount);
        return read;
    }

    private struct Handler : IMessageHandler
    {
        private readonly EventJournal _journal;
        private readonly INanoClock _clock;
        private readonly bool _journalTicks;
        private readonly byte[] _text;
        private readonly InstrumentTable _instruments;
        private readonly TickValidator _validator;
        private readonly StrategyHost _strategies;
        private readonly OrderIntentBuffer _intents;
        private readonly OrderEntry _orderEntry;
        private readonly MarketBooks _books;
        private readonly ExecutionPipeline? _execution;
        private readonly FeedSelector _feeds;
        private bool _topChanged;

        /// <summary>Set when the gateway runs on this thread: it reuses this cycle's clock read.</summary>
        public CachedNanoClock? CycleClock;
        private readonly BookLevel[] _levels;
        // receive stamps of the ticks handled this duty cycle, timed together at its end
        private readonly long[] _received;
        private int _receivedCount;

        // Per-tick counts kept here and added to the shared counters once per duty cycle (PublishCounts): four
        // stores into the counters file per tick were as much as a validation.
        private long _receivedPending;
        private long _acceptedPending;
        private long _quotesPending;
        private long _tradesPending;

        public Handler(
            EventJournal journal, EngineCounters counters, INanoClock clock, bool journalTicks, InstrumentTable instruments,
            TickValidator validator, StrategyHost strategies, OrderEntry orderEntry, MarketBooks books, ExecutionPipeline? execution, FeedSelector feeds)
        {
            _feeds = feeds;
            _books = books;
            _execution = execution;
            _levels = new BookLevel[books.L2Depth * 2];
            _strategies = strategies;
            _intents = strategies.Intents;
            _orderEntry = orderEntry;
            _journal = journal;
            Counters = counters;
            _clock = clock;
            _journalTicks = journalTicks;
            _text = new byte[256];
            _received = new long[BatchLimit];
            _receivedCount = 0;
            _instruments = instruments;
            _validator = validator;
        }

        public EngineCounters Counters { get; }

        public readonly StrategyHost Strategies => _strategies;

        public readonly INanoClock Clock => _clock;

        /// <summary>Adds this cycle's per-tick counts to the shared counters.</summary>
        public void PublishCounts()
        {
            if (_receivedPending == 0)
            {
                return;
            }

            Counters.MdReceived.Add(_receivedPending);
            Counters.MdAccepted.Add(_acceptedPending);
            Counters.MdQuotes.Add(_quotesPending);
            Counters.MdTrades.Add(_tradesPending);
            _receivedPending = 0;
            _acceptedPending = 0;
            _quotesPending = 0;
            _tradesPending = 0;
        }

        /// <summary>
        /// md.ring hop of each tick handled this cycle: receive stamp to the end of the duty cycle that handled it
        /// (an upper bound on each tick's own handling time, at one clock read per cycle).
        /// </summary>
        public void RecordRingLatency(long nowNs)
        {
            long[] received = _received;
            int count = _receivedCount;
            // a local copy of the handle: the histogram's stores through its pointer would otherwise make every
            // iteration reload it through the counters object
            LatencyHistogram latency = Counters.MdRingLatency;
            int i = 0;
            while (i < count)
            {
                // a feed stamps the ticks it publishes together with one receive time: one record per run of them
                long receiveTs = received[i];
                int run = 1;
                while (i + run < count && received[i + run] == receiveTs)
                {
                    run++;
                }

                if (nowNs >= receiveTs)
                {
                    latency.Record(nowNs - receiveTs, run);
                }

                i += run;
            }

            _receivedCount = 0;
        }

        /// <summary>Venue reports due now (acks, fills, cancels) flow back to OMS, portfolio and strategies.</summary>
        public readonly int PollVenues(long nowNs)
        {
            // every cycle, work or not: the gateway and the conductor after this agent time themselves by it
            CycleClock?.Update(nowNs);
            if (_execution is null)
            {
                return 0;
            }

            _journal.Stamp(nowNs);
            int polled = _execution.Poll(nowNs);
            _journal.Unstamp();
            return polled;
        }

        public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
        {
            _receivedPending++;
            ReadOnlySpan<byte> message = buffer.AsSpan(index, length);
            // quotes and trades are nearly every record: each has its own straight path, the rest share one
            if (msgTypeId == QuoteDecoder.TemplateId)
            {
                OnQuote(message);
            }
            else if (msgTypeId == TradeDecoder.TemplateId)
            {
                OnTrade(message);
            }
            else
            {
                OnOther(msgTypeId, message);
            }
        }

        private void OnQuote(ReadOnlySpan<byte> message)
        {
            if (QuoteDecoder.TryDecode(message, 0, out QuoteDecoder quote, out SbeError error) != SbeDecodeStatus.Ok)
            {
                Reject(QuoteDecoder.TemplateId, error);
                return;
            }

            int id = quote.InstrumentId;
            long bidPrice = quote.BidPrice, bidSize = quote.BidSize, askPrice = quote.AskPrice, askSize = quote.AskSize;
            long exchangeTs = (long)quote.ExchangeTs;
            long receiveTs = (long)quote.ReceiveTs;
            TickRejectReason verdict = TickRejectReason.UnknownInstrument;
            if (_instruments.Contains(id))
            {
                if (!_feeds.Admit(quote.FeedId, id, receiveTs))
                {
                    return;
                }

                verdict = _validator.TryApplyQuote(ref _instruments[id], bidPrice, bidSize, askPrice, askSize, exchangeTs);
            }

            if (verdict != TickRejectReason.None)
            {
                RejectTick(QuoteDecoder.TemplateId, quote.FeedId, id, verdict);
                return;
            }

            _quotesPending++;
            Accept(QuoteDecoder.TemplateId, message, receiveTs);
            // Decisions follow their cause in the journal: tick first, then the orders it triggered.
            _execution?.OnQuote(id, bidPrice, bidSize, askPrice, askSize, receiveTs);
            _strategies.OnQuote(new QuoteTick(id, bidPrice, bidSize, askPrice, askSize, exchangeTs, receiveTs));
            Decided();
        }

        private void OnTrade(ReadOnlySpan<byte> message)
        {
            if (TradeDecoder.TryDecode(message, 0, out TradeDecoder trade, out SbeError error) != SbeDecodeStatus.Ok)
            {
                Reject(TradeDecoder.TemplateId, error);
                return;
            }

            int id = trade.InstrumentId;
            long price = trade.Price, size = trade.Size;
            long exchangeTs = (long)trade.ExchangeTs;
            long receiveTs = (long)trade.ReceiveTs;
            TickRejectReason verdict = TickRejectReason.UnknownInstrument;
            if (_instruments.Contains(id))
            {
                if (!_feeds.Admit(trade.FeedId, id, receiveTs))
                {
                    return;
                }

                verdict = _validator.TryApplyTrade(ref _instruments[id], price, size, (long)trade.TradeId, exchangeTs);
            }

            if (verdict != TickRejectReason.None)
            {
                RejectTick(TradeDecoder.TemplateId, trade.FeedId, id, verdict);
                return;
            }

            _tradesPending++;
            Accept(TradeDecoder.TemplateId, message, receiveTs);
            _execution?.OnTrade(id, price, size, receiveTs);
            _strategies.OnTrade(new TradeTick(id, price, size, trade.Aggressor, exchangeTs, receiveTs));
            Decided();
        }

        /// <summary>An accepted tick: counted, its journal scope opened, its receive stamp kept for the ring-hop histogram, journaled when tick journaling is on.</summary>
        private void Accept(int msgTypeId, ReadOnlySpan<byte> message, long receiveTs)
        {
            _acceptedPending++;
            // what this tick journals (itself, the orders it causes) is dated once, by the first event that needs it
            _journal.StampWhenUsed(_clock);
            if (receiveTs > 0 && _receivedCount < _received.Length)
            {
                _received[_receivedCount++] = receiveTs;
            }

            if (_journalTicks)
            {
                _journal.Append(msgTypeId, message);
            }
        }

        /// <summary>After the strategies saw a tick: their orders go out, and the tick's journal scope closes.</summary>
        private void Decided()
        {
            // the buffer held here: a tick that decides nothing costs one load and a compare
            if (_intents.Count > 0)
            {
                _orderEntry.Drain(_intents);
            }

            _journal.Unstamp();
        }

        /// <summary>Book feeds (L2 levels, snapshots, L3 orders), feed health and instrument reference data.</summary>
        private void OnOther(int msgTypeId, ReadOnlySpan<byte> message)
        {
            SbeError error;
            long receiveTs = 0;
            long exchangeTs = 0;
            int bookInstrument = -1;
            switch (msgTypeId)
            {
                case BookLevelUpdateDecoder.TemplateId:
                    if (BookLevelUpdateDecoder.TryDecode(message, 0, out BookLevelUpdateDecoder bookLevelUpdate, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(bookLevelUpdate.InstrumentId))
                    {
                        RejectTick(msgTypeId, bookLevelUpdate.FeedId, bookLevelUpdate.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    bookInstrument = bookLevelUpdate.InstrumentId;
                    if (!_feeds.Admit(bookLevelUpdate.FeedId, bookInstrument, (long)bookLevelUpdate.ReceiveTs))
                    {
                        return;
                    }

                    receiveTs = (long)bookLevelUpdate.ReceiveTs;

                    exchangeTs = (long)bookLevelUpdate.ExchangeTs;
                    if (!ApplyLevel(ref bookLevelUpdate))
                    {
                        RejectTick(msgTypeId, bookLevelUpdate.FeedId, bookInstrument, TickRejectReason.BookInconsistent);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case BookSnapshotDecoder.TemplateId:
                    if (BookSnapshotDecoder.TryDecode(message, 0, out BookSnapshotDecoder bookSnapshot, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(bookSnapshot.InstrumentId))
                    {
                        RejectTick(msgTypeId, bookSnapshot.FeedId, bookSnapshot.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    bookInstrument = bookSnapshot.InstrumentId;
                    if (!_feeds.Admit(bookSnapshot.FeedId, bookInstrument, (long)bookSnapshot.ReceiveTs))
                    {
                        return;
                    }

                    receiveTs = (long)bookSnapshot.ReceiveTs;

                    exchangeTs = (long)bookSnapshot.ExchangeTs;
                    if (!ApplySnapshot(ref bookSnapshot))
                    {
                        RejectTick(msgTypeId, bookSnapshot.FeedId, bookInstrument, TickRejectReason.BookInconsistent);
                        return;
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderAddDecoder.TemplateId:
                    if (OrderAddDecoder.TryDecode(message, 0, out OrderAddDecoder orderAdd, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(orderAdd.InstrumentId))
                    {
                        RejectTick(msgTypeId, orderAdd.FeedId, orderAdd.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    bookInstrument = orderAdd.InstrumentId;
                    if (!_feeds.Admit(orderAdd.FeedId, bookInstrument, (long)orderAdd.ReceiveTs))
                    {
                        return;
                    }

                    receiveTs = (long)orderAdd.ReceiveTs;

                    exchangeTs = (long)orderAdd.ExchangeTs;
                    {
                        L3Book? l3 = _books.L3(bookInstrument);
                        if (l3 is null || l3.Add((long)orderAdd.OrderId, orderAdd.Side, orderAdd.Price, orderAdd.Size) != BookResult.Ok)
                        {
                            RejectTick(msgTypeId, orderAdd.FeedId, bookInstrument, TickRejectReason.BookInconsistent);
                            return;
                        }

                        PublishTop(bookInstrument, l3.BestBidPrice, l3.BestBidSize, l3.BestAskPrice, l3.BestAskSize);
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderModifyDecoder.TemplateId:
                    if (OrderModifyDecoder.TryDecode(message, 0, out OrderModifyDecoder orderModify, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(orderModify.InstrumentId))
                    {
                        RejectTick(msgTypeId, orderModify.FeedId, orderModify.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    bookInstrument = orderModify.InstrumentId;
                    if (!_feeds.Admit(orderModify.FeedId, bookInstrument, (long)orderModify.ReceiveTs))
                    {
                        return;
                    }

                    receiveTs = (long)orderModify.ReceiveTs;

                    exchangeTs = (long)orderModify.ExchangeTs;
                    {
                        L3Book? l3 = _books.L3(bookInstrument);
                        if (l3 is null || (orderModify.NewOrderId == orderModify.OrderId ? l3.Modify((long)orderModify.OrderId, orderModify.Price, orderModify.Size) : l3.Replace((long)orderModify.OrderId, (long)orderModify.NewOrderId, orderModify.Price, orderModify.Size)) != BookResult.Ok)
                        {
                            RejectTick(msgTypeId, orderModify.FeedId, bookInstrument, TickRejectReason.BookInconsistent);
                            return;
                        }

                        PublishTop(bookInstrument, l3.BestBidPrice, l3.BestBidSize, l3.BestAskPrice, l3.BestAskSize);
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderDeleteDecoder.TemplateId:
                    if (OrderDeleteDecoder.TryDecode(message, 0, out OrderDeleteDecoder orderDelete, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(orderDelete.InstrumentId))
                    {
                        RejectTick(msgTypeId, orderDelete.FeedId, orderDelete.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    bookInstrument = orderDelete.InstrumentId;
                    if (!_feeds.Admit(orderDelete.FeedId, bookInstrument, (long)orderDelete.ReceiveTs))
                    {
                        return;
                    }

                    receiveTs = (long)orderDelete.ReceiveTs;

                    exchangeTs = (long)orderDelete.ExchangeTs;
                    {
                        L3Book? l3 = _books.L3(bookInstrument);
                        if (l3 is null || l3.Delete((long)orderDelete.OrderId) != BookResult.Ok)
                        {
                            RejectTick(msgTypeId, orderDelete.FeedId, bookInstrument, TickRejectReason.BookInconsistent);
                            return;
                        }

                        PublishTop(bookInstrument, l3.BestBidPrice, l3.BestBidSize, l3.BestAskPrice, l3.BestAskSize);
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderExecuteDecoder.TemplateId:
                    if (OrderExecuteDecoder.TryDecode(message, 0, out OrderExecuteDecoder orderExecute, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(orderExecute.InstrumentId))
                    {
                        RejectTick(msgTypeId, orderExecute.FeedId, orderExecute.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    bookInstrument = orderExecute.InstrumentId;
                    if (!_feeds.Admit(orderExecute.FeedId, bookInstrument, (long)orderExecute.ReceiveTs))
                    {
                        return;
                    }

                    receiveTs = (long)orderExecute.ReceiveTs;

                    exchangeTs = (long)orderExecute.ExchangeTs;
                    {
                        L3Book? l3 = _books.L3(bookInstrument);
                        if (l3 is null || l3.Execute((long)orderExecute.OrderId, orderExecute.ExecutedSize) != BookResult.Ok)
                        {
                            RejectTick(msgTypeId, orderExecute.FeedId, bookInstrument, TickRejectReason.BookInconsistent);
                            return;
                        }

                        PublishTop(bookInstrument, l3.BestBidPrice, l3.BestBidSize, l3.BestAskPrice, l3.BestAskSize);
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case OrderCancelDecoder.TemplateId:
                    if (OrderCancelDecoder.TryDecode(message, 0, out OrderCancelDecoder orderCancel, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(orderCancel.InstrumentId))
                    {
                        RejectTick(msgTypeId, orderCancel.FeedId, orderCancel.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    bookInstrument = orderCancel.InstrumentId;
                    if (!_feeds.Admit(orderCancel.FeedId, bookInstrument, (long)orderCancel.ReceiveTs))
                    {
                        return;
                    }

                    receiveTs = (long)orderCancel.ReceiveTs;

                    exchangeTs = (long)orderCancel.ExchangeTs;
                    {
                        L3Book? l3 = _books.L3(bookInstrument);
                        if (l3 is null || l3.Cancel((long)orderCancel.OrderId, orderCancel.CanceledSize) != BookResult.Ok)
                        {
                            RejectTick(msgTypeId, orderCancel.FeedId, bookInstrument, TickRejectReason.BookInconsistent);
                            return;
                        }

                        PublishTop(bookInstrument, l3.BestBidPrice, l3.BestBidSize, l3.BestAskPrice, l3.BestAskSize);
                    }

                    Counters.MdBookUpdates.Increment();
                    break;
                case FeedHealthDecoder.TemplateId:
                    if (FeedHealthDecoder.TryDecode(message, 0, out FeedHealthDecoder health, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    // a statement about the line, not a tick: it feeds failover and stops here
                    _feeds.OnFeedHealth(health.FeedId, health.Signal, (long)health.ReceiveTs, _clock.NanoTime());
                    Counters.MdFeedHealth.Increment();
                    if (health.Signal != FeedSignal.Heartbeat)
                    {
                        // gaps a handler gave up on, recoveries and lines down are journaled as they came: each is an
                        // operator alert (llt run) whether or not a standby feed takes over; heartbeats are not
                        _journal.Append(FeedHealthDecoder.TemplateId, message);
                    }

                    return;
                case InstrumentStatusDecoder.TemplateId:
                    if (InstrumentStatusDecoder.TryDecode(message, 0, out InstrumentStatusDecoder instrumentStatus, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(instrumentStatus.InstrumentId))
                    {
                        RejectTick(msgTypeId, instrumentStatus.FeedId, instrumentStatus.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    break;
                case InstrumentDefinitionDecoder.TemplateId:
                    if (InstrumentDefinitionDecoder.TryDecode(message, 0, out InstrumentDefinitionDecoder instrumentDefinition, out error) != SbeDecodeStatus.Ok)
                    {
                        Reject(msgTypeId, error);
                        return;
                    }

                    if (!_instruments.Contains(instrumentDefinition.InstrumentId))
                    {
                        RejectTick(msgTypeId, EngineCounters.MaxFeeds, instrumentDefinition.InstrumentId, TickRejectReason.UnknownInstrument);
                        return;
                    }

                    break;
                default:
                    Counters.MdUnknownType.Increment();
                    Counters.MdRejected.Increment();
                    Utf8.TryWrite(_text, $"md.ring msgTypeId {msgTypeId}: not a market data message", out int n);
                    Alert(msgTypeId, RiskAlertEncoder.InstrumentIdNullValue, n);
                    return;
            }

            Accept(msgTypeId, message, receiveTs);
            if (bookInstrument >= 0)
            {
                // A book feed's top of book is the instrument's quote: venues match against it and strategies
                // that trade quotes see it, exactly as if a Quote had arrived (a one-sided book is no quote).
                if (_topChanged)
                {
                    _topChanged = false;
                    ref InstrumentState top = ref _instruments[bookInstrument];
                    if (top.BidPrice > 0 && top.AskPrice > 0 && top.BidSize > 0 && top.AskSize > 0)
                    {
                        var derived = new QuoteTick(bookInstrument, top.BidPrice, top.BidSize, top.AskPrice, top.AskSize, exchangeTs, receiveTs);
                        Counters.MdBookQuotes.Increment();
                        _execution?.OnQuote(bookInstrument, top.BidPrice, top.BidSize, top.AskPrice, top.AskSize, receiveTs);
                        _strategies.OnQuote(derived);
                    }
                }

                _strategies.OnBook(bookInstrument, receiveTs);
            }

            Decided();
        }

        private bool ApplyLevel(ref BookLevelUpdateDecoder update)
        {
            L2Book book = _books.L2(update.InstrumentId);
            long size = update.Action == BookAction.Delete ? 0 : update.Size;
            int orders = update.OrderCount == BookLevelUpdateDecoder.OrderCountNullValue ? 0 : (int)update.OrderCount;
            BookResult result = book.ApplyLevel(update.Side, update.Price, size, orders);
            if (result != BookResult.Ok)
            {
                // the book keeps the top N levels: a deeper feed's levels below them (new ones, and deletes of ones
                // dropped earlier) leave the kept book as it is, and are counted rather than rejected
                if (result is BookResult.LevelBeyondDepth || (result is BookResult.LevelNotFound && book.IsBeyondKeptDepth(update.Side, update.Price)))
                {
                    Counters.MdLevelsBeyondDepth.Increment();
                    return true;
                }

                return false;
            }

            PublishTop(update.InstrumentId, book.BestBidPrice, book.BestBidSize, book.BestAskPrice, book.BestAskSize);
            return true;
        }

        private bool ApplySnapshot(ref BookSnapshotDecoder snapshot)
        {
            // Bids fill _levels from the front, asks from the middle: a snapshot deeper than the book is cut.
            int depth = _books.L2Depth;
            int bids = 0;
            int asks = 0;
            var levels = snapshot.Levels();
            while (levels.HasNext)
            {
                levels.Next();
                var level = new BookLevel(levels.Price, levels.Size, (int)levels.OrderCount);
                if (levels.Side == Side.Buy)
                {
                    if (bids < depth)
                    {
                        _levels[bids++] = level;
                    }
                }
                else if (asks < depth)
                {
                    _levels[depth + asks++] = level;
                }
            }

            L2Book book = _books.L2(snapshot.InstrumentId);
            if (book.ApplySnapshot(_levels.AsSpan(0, bids), _levels.AsSpan(depth, asks)) != BookResult.Ok)
            {
                return false;
            }

            PublishTop(snapshot.InstrumentId, book.BestBidPrice, book.BestBidSize, book.BestAskPrice, book.BestAskSize);
            return true;
        }

        /// <summary>Keeps the instrument's top of book (what strategies and risk read) in step with its book.</summary>
        private void PublishTop(int instrumentId, long bidPrice, long bidSize, long askPrice, long askSize)
        {
            ref InstrumentState state = ref _instruments[instrumentId];
            _topChanged = state.BidPrice != bidPrice || state.BidSize != bidSize || state.AskPrice != askPrice || state.AskSize != askSize;
            state.BidPrice = bidPrice;
            state.BidSize = bidSize;
            state.AskPrice = askPrice;
            state.AskSize = askSize;
        }

        private void Reject(int msgTypeId, SbeError error)
        {
            Counters.MdRejected.Increment();
            Counters.CountReject(EngineCounters.MaxFeeds, TickRejectReason.MalformedMessage);
            // Formatting into a preallocated buffer: rejected input must not make the agent allocate.
            Utf8.TryWrite(_text, $"md.ring msgTypeId {msgTypeId}: malformed SBE ({SbeErrorNames[(int)error.Reason]}) at offset {error.Offset}", out int textLength);
            Alert(msgTypeId, RiskAlertEncoder.InstrumentIdNullValue, textLength);
        }

        private void RejectTick(int msgTypeId, int feedId, int instrumentId, TickRejectReason reason)
        {
            Counters.MdRejected.Increment();
            Counters.CountReject(feedId, reason);
            if (_instruments.Contains(instrumentId))
            {
                _instruments[instrumentId].RejectCount++;
            }

            Utf8.TryWrite(_text, $"md.ring msgTypeId {msgTypeId} feed {feedId} instrument {instrumentId}: {RejectReasonNames[(int)reason]}", out int textLength);
            Alert(msgTypeId, _instruments.Contains(instrumentId) ? instrumentId : RiskAlertEncoder.InstrumentIdNullValue, textLength);
        }

        private void Alert(int msgTypeId, int instrumentId, int textLength)
        {
            var alert = RiskAlertEncoder.WrapAndApplyHeader(_journal.ClearedScratch(RiskAlertEncoder.HeaderLength + RiskAlertEncoder.BlockLength), 0);
            alert.SetBreachType(BreachType.DataValidation);
            alert.SetSeverity(Severity.Warning);
            alert.SetStrategyId(RiskAlertEncoder.StrategyIdNullValue);
            alert.SetInstrumentId(instrumentId);
            alert.SetValue(msgTypeId);
            alert.SetLimitValue(0);
            alert.SetTs((ulong)_journal.EpochNanoTime());
            alert.SetText(_text.AsSpan(0, textLength));
            _journal.AppendScratch(RiskAlertEncoder.TemplateId, RiskAlertEncoder.HeaderLength + alert.EncodedLength);
        }
    }
}
