using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Builds per-symbol <see cref="L2Book"/>s from IEX DEEP price level updates (and TOPS quote updates, as a
/// one-level book) and tells a downstream <typeparamref name="TListener"/> about consistent top-of-book
/// changes, applied levels, trades, trade breaks and trading status. Single writer; nothing allocates after
/// construction.
/// </summary>
/// <remarks>
/// <para><b>Events.</b> IEX applies one event (e.g. a taking order sweeping levels) as several price level
/// updates; all but the last carry event flags 0. Each update is applied to the book as it arrives, but the
/// symbol is "in transition" — its top may be transiently crossed or stale — until the update with the flag
/// set. Only then is the best bid/offer compared with the last published one and, if different, published
/// through <see cref="IIexBookListener.OnQuote"/>. Size 0 removes a level.</para>
/// <para><b>Symbols.</b> Each symbol gets a dense book index, either by <see cref="Register"/> (e.g. the engine's
/// instruments, in instrument-id order) or, when <c>addSymbolsOnFirstSight</c> is on, at its first Security
/// Directory, price level, quote or trade message. Capacity is fixed: a symbol beyond it is refused and
/// counted (<see cref="SymbolOverflows"/>), its messages counted in <see cref="UnregisteredSymbolMessages"/>.
/// Status messages (H, O) never add symbols: the pre-market spin sends them for every listed security.</para>
/// <para><b>Depth.</b> Each book keeps its best <c>depth</c> levels per side (<see cref="L2Book"/>); a level
/// below them is dropped and counted in the book's <see cref="L2Book.DroppedLevels"/>, and its later removal in
/// <see cref="MissingLevelDeletes"/>. Use the largest depth memory allows for a full-depth feed.</para>
/// <para><b>Order.</b> Level updates are absolute: applied out of sequence order, an older update would set a
/// level back to a stale size or bring back a removed one. Messages must therefore come in sequence order, as
/// <see cref="IexTpReceiver"/> (and so <see cref="IexFeedHandler{TListener}"/>) delivers them: what arrives past a gap
/// waits until the gap is filled or declared lost, and a copy arriving after its gap was declared lost is dropped.</para>
/// </remarks>
public sealed class DeepBookBuilder<TListener> : IDisposable
    where TListener : struct, IIexBookListener
{
    private const int MalformedReasonCount = (int)IexMalformedReason.UnknownProtocol + 1;

    private readonly IexSymbolIndex _index;
    private readonly L2Book[] _books;
    private readonly IexBookState[] _states;
    private readonly bool _ownsBooks;
    private readonly bool _addSymbolsOnFirstSight;
    private readonly long[] _malformed = new long[MalformedReasonCount];
    private TListener _listener;
    private long _receiveTimestampNs;
    private bool _disposed;

    private long _messages;
    private long _levelUpdates;
    private long _quoteUpdates;
    private long _trades;
    private long _tradeBreaks;
    private long _quotesPublished;
    private long _statusChanges;
    private long _unregisteredSymbolMessages;
    private long _symbolOverflows;
    private long _invalidSymbols;
    private long _rejectedUpdates;
    private long _missingLevelDeletes;
    private long _crossedQuotes;
    private long _orderMessagesNotApplied;
    private byte _lastSystemEvent;

    /// <summary>Allocates <paramref name="symbolCapacity"/> books of <paramref name="depth"/> levels per side, owned (and disposed) by the builder.</summary>
    public DeepBookBuilder(int symbolCapacity, int depth, TListener listener, bool addSymbolsOnFirstSight = true)
    {
        if (symbolCapacity < 1)
        {
            IexThrowHelper.ThrowArgumentOutOfRange(nameof(symbolCapacity), symbolCapacity, "symbol capacity must be ≥ 1");
        }

        if (depth < L2Book.MinDepth || depth > L2Book.MaxDepth)
        {
            IexThrowHelper.ThrowArgumentOutOfRange(nameof(depth), depth, $"depth must be {L2Book.MinDepth}..{L2Book.MaxDepth}");
        }

        _books = new L2Book[symbolCapacity];
        for (int i = 0; i < symbolCapacity; i++)
        {
            _books[i] = new L2Book(depth);
        }

        _ownsBooks = true;
        _index = new IexSymbolIndex(symbolCapacity);
        _states = new IexBookState[symbolCapacity];
        _listener = listener;
        _addSymbolsOnFirstSight = addSymbolsOnFirstSight;
    }

    /// <summary>
    /// Uses books the caller owns (e.g. the engine's <c>MarketBooks.L2(i)</c> in instrument order, then
    /// <see cref="Register"/> each instrument's symbol in the same order so book index = instrument id).
    /// </summary>
    public DeepBookBuilder(IReadOnlyList<L2Book> books, TListener listener, bool addSymbolsOnFirstSight = false)
    {
        ArgumentNullException.ThrowIfNull(books);
        if (books.Count < 1)
        {
            IexThrowHelper.ThrowArgument(nameof(books), "at least one book is needed");
        }

        _books = new L2Book[books.Count];
        for (int i = 0; i < _books.Length; i++)
        {
            _books[i] = books[i] ?? throw new ArgumentException($"book {i} is null", nameof(books));
        }

        _ownsBooks = false;
        _index = new IexSymbolIndex(_books.Length);
        _states = new IexBookState[_books.Length];
        _listener = listener;
        _addSymbolsOnFirstSight = addSymbolsOnFirstSight;
    }

    /// <summary>The downstream listener, in place (it is held by value).</summary>
    public ref TListener Listener => ref _listener;

    /// <summary>Symbols with a book so far.</summary>
    public int Count => _index.Count;

    public int Capacity => _books.Length;

    /// <summary>Messages given to <see cref="Apply"/>.</summary>
    public long Messages => _messages;

    public long LevelUpdates => _levelUpdates;

    public long QuoteUpdates => _quoteUpdates;

    /// <summary>Trades published (Trade Report, DEEP+ Trade and Order Executed).</summary>
    public long Trades => _trades;

    public long TradeBreaks => _tradeBreaks;

    /// <summary>Top-of-book changes published through <see cref="IIexBookListener.OnQuote"/>.</summary>
    public long QuotesPublished => _quotesPublished;

    public long StatusChanges => _statusChanges;

    /// <summary>Messages of symbols without a book (not registered, or refused for capacity).</summary>
    public long UnregisteredSymbolMessages => _unregisteredSymbolMessages;

    /// <summary>Symbols refused because every book was taken.</summary>
    public long SymbolOverflows => _symbolOverflows;

    /// <summary>Messages whose symbol was eight NUL bytes.</summary>
    public long InvalidSymbols => _invalidSymbols;

    /// <summary>Level or quote updates refused: price ≤ 0 or beyond <see cref="IexPrice.MaxConvertible"/>.</summary>
    public long RejectedUpdates => _rejectedUpdates;

    /// <summary>Size-0 updates for a price the book does not hold (never sent, or dropped below the depth).</summary>
    public long MissingLevelDeletes => _missingLevelDeletes;

    /// <summary>Published quotes whose bid was above the ask (IEX should never complete an event crossed).</summary>
    public long CrossedQuotes => _crossedQuotes;

    /// <summary>DEEP+ order messages (add/modify/delete/clear book), decoded but not applied to an L2 book.</summary>
    public long OrderMessagesNotApplied => _orderMessagesNotApplied;

    /// <summary>Messages refused by the parser, in all.</summary>
    public long MalformedMessages
    {
        get
        {
            long total = 0;
            foreach (long count in _malformed)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>The last System Event code seen ('O', 'S', 'R', 'M', 'E', 'C'), 0 before any.</summary>
    public byte LastSystemEvent => _lastSystemEvent;

    public long MalformedCount(IexMalformedReason reason) =>
        (uint)reason < (uint)_malformed.Length ? _malformed[(int)reason] : 0;

    /// <summary>
    /// Decodes <paramref name="message"/> (one IEX message of <paramref name="protocol"/>, the next in sequence order)
    /// and applies it.
    /// </summary>
    public IexMalformedReason Apply(IexProtocol protocol, ReadOnlySpan<byte> message, long receiveTimestampNs)
    {
        _messages++;
        _receiveTimestampNs = receiveTimestampNs;
        var handler = new DeepBookHandler<TListener>(this);
        IexMalformedReason reason = IexParser.Parse(protocol, message, ref handler);
        if (reason != IexMalformedReason.None)
        {
            _malformed[(int)reason]++;
        }

        return reason;
    }

    /// <summary>
    /// Gives <paramref name="symbol"/> a book (idempotent) and returns its index, or -1 when every book is taken
    /// (counted in <see cref="SymbolOverflows"/>) or the symbol is invalid.
    /// </summary>
    public int Register(IexSymbol symbol)
    {
        if (!symbol.IsValid)
        {
            return -1;
        }

        int index = _index.Find(symbol.Key);
        return index >= 0 ? index : Add(symbol);
    }

    public bool TryGetBookIndex(IexSymbol symbol, out int bookIndex)
    {
        bookIndex = symbol.IsValid ? _index.Find(symbol.Key) : -1;
        return bookIndex >= 0;
    }

    /// <summary>The book at <paramref name="bookIndex"/> (0..<see cref="Count"/>-1).</summary>
    public L2Book Book(int bookIndex) => _books[bookIndex];

    public IexSymbol Symbol(int bookIndex) => _states[bookIndex].Symbol;

    /// <summary>True while an event is being applied to the symbol's book (its top is not to be trusted).</summary>
    public bool IsInTransition(int bookIndex) => _states[bookIndex].InTransition;

    /// <summary>The symbol's last published trading status.</summary>
    public IexSecurityStatus Status(int bookIndex)
    {
        ref IexBookState state = ref _states[bookIndex];
        return new IexSecurityStatus(bookIndex, state.Symbol, state.TradingStatus, state.OperationalHaltStatus, 0);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsBooks)
        {
            foreach (L2Book book in _books)
            {
                book.Dispose();
            }
        }
    }

    internal void OnSystemEvent(SystemEventMessage message) => _lastSystemEvent = message.SystemEvent;

    internal void OnSecurityDirectory(SecurityDirectoryMessage message) => Resolve(message.Symbol, mayAdd: true);

    internal void OnPriceLevelUpdate(PriceLevelUpdateMessage message)
    {
        _levelUpdates++;
        int index = Resolve(message.Symbol, mayAdd: true);
        if (index < 0)
        {
            return;
        }

        ref IexBookState state = ref _states[index];
        Side side = message.Side;
        long timestamp = message.Timestamp;
        long rawPrice = message.RawPrice;
        bool complete = message.IsEventProcessingComplete;
        if (rawPrice > 0 && rawPrice <= IexPrice.MaxConvertible)
        {
            long price = IexPrice.ToEngine(rawPrice);
            long size = message.Size;
            BookResult result = _books[index].ApplyLevel(side, price, size);
            if (result == BookResult.LevelNotFound)
            {
                _missingLevelDeletes++;
            }

            _listener.OnLevel(new IexLevelUpdate(index, state.Symbol, side, price, size, complete, timestamp, _receiveTimestampNs));
        }
        else
        {
            // the event still completes: later updates of it (and the flag) must not be held hostage by one bad price
            _rejectedUpdates++;
        }

        if (complete)
        {
            state.InTransition = false;
            PublishIfChanged(index, ref state, timestamp);
        }
        else
        {
            state.InTransition = true;
        }
    }

    internal void OnQuoteUpdate(QuoteUpdateMessage message)
    {
        _quoteUpdates++;
        int index = Resolve(message.Symbol, mayAdd: true);
        if (index < 0)
        {
            return;
        }

        long rawBid = message.RawBidPrice;
        long rawAsk = message.RawAskPrice;
        uint bidSize = message.BidSize;
        uint askSize = message.AskSize;
        bool hasBid = bidSize != 0 && rawBid != 0;
        bool hasAsk = askSize != 0 && rawAsk != 0;
        if ((hasBid && (rawBid < 0 || rawBid > IexPrice.MaxConvertible)) || (hasAsk && (rawAsk < 0 || rawAsk > IexPrice.MaxConvertible)))
        {
            _rejectedUpdates++;
            return;
        }

        L2Book book = _books[index];
        ApplyTop(book, Side.Buy, hasBid, rawBid, bidSize);
        ApplyTop(book, Side.Sell, hasAsk, rawAsk, askSize);
        ref IexBookState state = ref _states[index];
        state.InTransition = false;
        PublishIfChanged(index, ref state, message.Timestamp);
    }

    internal void OnTradeReport(TradeReportMessage message) =>
        PublishTrade(message.Symbol, message.RawPrice, message.Size, message.TradeId, message.SaleConditionFlags, message.Timestamp);

    internal void OnOrderExecuted(OrderExecutedMessage message) =>
        PublishTrade(message.Symbol, message.RawPrice, message.Size, message.TradeId, message.SaleConditionFlags, message.Timestamp);

    internal void OnTradeBreak(TradeBreakMessage message)
    {
        int index = Resolve(message.Symbol, mayAdd: false);
        if (index < 0)
        {
            return;
        }

        _tradeBreaks++;
        _listener.OnTradeBreak(new IexTrade(
            index, _states[index].Symbol, IexPrice.ToEngine(message.RawPrice), message.Size, message.TradeId,
            message.SaleConditionFlags, message.Timestamp, _receiveTimestampNs));
    }

    internal void OnTradingStatus(TradingStatusMessage message)
    {
        int index = Resolve(message.Symbol, mayAdd: false);
        if (index >= 0)
        {
            ref IexBookState state = ref _states[index];
            state.TradingStatus = message.TradingStatus;
            PublishStatus(index, ref state, message.Timestamp);
        }
    }

    internal void OnOperationalHaltStatus(OperationalHaltStatusMessage message)
    {
        int index = Resolve(message.Symbol, mayAdd: false);
        if (index >= 0)
        {
            ref IexBookState state = ref _states[index];
            state.OperationalHaltStatus = message.OperationalHaltStatus;
            PublishStatus(index, ref state, message.Timestamp);
        }
    }

    internal void OnOrderMessageNotApplied() => _orderMessagesNotApplied++;

    private static void ApplyTop(L2Book book, Side side, bool present, long rawPrice, uint size)
    {
        if (!present)
        {
            book.ClearSide(side);
            return;
        }

        var level = new BookLevel(IexPrice.ToEngine(rawPrice), size, 0);
        book.ApplySnapshot(side, new ReadOnlySpan<BookLevel>(in level));
    }

    private void PublishTrade(IexSymbol symbol, long rawPrice, uint size, long tradeId, byte saleConditionFlags, long timestamp)
    {
        int index = Resolve(symbol, mayAdd: true);
        if (index < 0)
        {
            return;
        }

        if (rawPrice <= 0 || rawPrice > IexPrice.MaxConvertible)
        {
            _rejectedUpdates++;
            return;
        }

        _trades++;
        _listener.OnTrade(new IexTrade(
            index, _states[index].Symbol, IexPrice.ToEngine(rawPrice), size, tradeId, saleConditionFlags, timestamp, _receiveTimestampNs));
    }

    private void PublishIfChanged(int index, ref IexBookState state, long timestamp)
    {
        L2Book book = _books[index];
        long bidPrice = book.BestBidPrice;
        long bidSize = book.BestBidSize;
        long askPrice = book.BestAskPrice;
        long askSize = book.BestAskSize;
        if (bidPrice == state.PublishedBidPrice && bidSize == state.PublishedBidSize
            && askPrice == state.PublishedAskPrice && askSize == state.PublishedAskSize)
        {
            return;
        }

        state.PublishedBidPrice = bidPrice;
        state.PublishedBidSize = bidSize;
        state.PublishedAskPrice = askPrice;
        state.PublishedAskSize = askSize;
        if (book.IsCrossed)
        {
            _crossedQuotes++;
        }

        _quotesPublished++;
        _listener.OnQuote(new IexQuote(index, state.Symbol, bidPrice, bidSize, askPrice, askSize, timestamp, _receiveTimestampNs));
    }

    private void PublishStatus(int index, ref IexBookState state, long timestamp)
    {
        _statusChanges++;
        _listener.OnSecurityStatus(new IexSecurityStatus(index, state.Symbol, state.TradingStatus, state.OperationalHaltStatus, timestamp));
    }

    private int Resolve(IexSymbol symbol, bool mayAdd)
    {
        if (!symbol.IsValid)
        {
            _invalidSymbols++;
            return -1;
        }

        int index = _index.Find(symbol.Key);
        if (index >= 0)
        {
            return index;
        }

        if (mayAdd && _addSymbolsOnFirstSight)
        {
            index = Add(symbol);
            if (index >= 0)
            {
                return index;
            }
        }

        _unregisteredSymbolMessages++;
        return -1;
    }

    private int Add(IexSymbol symbol)
    {
        int index = _index.Add(symbol.Key);
        if (index < 0)
        {
            _symbolOverflows++;
            return -1;
        }

        ref IexBookState state = ref _states[index];
        state = default;
        state.Symbol = symbol;
        _books[index].Clear();
        return index;
    }
}
