using System.Runtime.CompilerServices;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// Builds one <see cref="L3Book"/> per instrument from ITCH 5.0 order messages ('A', 'F', 'E', 'C', 'X', 'D',
/// 'U'), routing each by its stock locate through the Stock Directory ('R') to a dense instrument index, and tells a
/// <typeparamref name="TListener"/> about book changes, trades, trading actions and system events. Single writer;
/// nothing allocates after construction.
/// </summary>
/// <remarks>
/// <para><b>Driving it.</b> Hand it whole ITCH messages (type byte first, no length prefix): <see cref="Apply"/>
/// one at a time, or pass <see cref="Handler"/> (a struct that is both an <see cref="IItchHandler"/> and an
/// <c>IMoldUdp64MessageHandler</c>) to <c>MoldUdp64Receiver.OnPacket</c>, <c>ItchParser.Parse</c> or
/// <see cref="ItchFileReader"/>.</para>
/// <para><b>Instruments.</b> Either <see cref="Register(ItchSymbol)"/> the symbols to track (the engine's instruments, in
/// instrument-id order, so index = instrument id) or let every symbol the directory names be added as it appears
/// (up to capacity). Messages for symbols not tracked are counted in <see cref="UntrackedMessages"/> and ignored.
/// An add for a locate no directory has named (joined after the directory spin) maps the locate by the add's own
/// stock field, as a directory entry would (<see cref="LocatesAdoptedFromOrders"/>); an execute, cancel, delete or
/// replace on a locate nothing has named counts in <see cref="UnknownLocateMessages"/>.</para>
/// <para><b>Bad input.</b> Nothing throws. Malformed messages count by reason (<see cref="Malformed"/>); a book
/// operation the book refuses (an unknown order reference after a gap, a duplicate add, an execution larger than
/// the order, a full table) leaves the book unchanged and counts by <see cref="BookResult"/>
/// (<see cref="Rejected"/>). A gap recovered late from the other line delivers older messages after newer ones;
/// for an order book that shows up here as unknown references, counted, never applied twice.</para>
/// </remarks>
public sealed class ItchBookBuilder<TListener> : IDisposable
    where TListener : struct, IItchBookListener
{
    private const int BookResultCount = (int)BookResult.LevelTableFull + 1;
    private const int MalformedReasonCount = (int)ItchMalformedReason.LengthMismatch + 1;

    private readonly L3Book[] _books;
    private readonly bool _ownsBooks;
    private readonly ItchLocateIndex _locates;
    private readonly long[] _messagesByType = new long[256];
    private readonly long[] _malformed = new long[MalformedReasonCount];
    private readonly long[] _rejected = new long[BookResultCount];
    private TListener _listener;
    private long _receiveTimestampNs;
    private bool _disposed;

    private long _messages;
    private long _applied;
    private long _executions;
    private long _unknownLocateMessages;
    private long _untrackedMessages;
    private long _locatesAdoptedFromOrders;

    /// <summary>Allocates <paramref name="instrumentCapacity"/> books, owned (and disposed) by the builder.</summary>
    /// <param name="orderCapacity">Live orders per book (a power of two, see <see cref="L3Book"/>).</param>
    /// <param name="levelCapacity">Price levels per side per book.</param>
    public ItchBookBuilder(int instrumentCapacity, int orderCapacity, int levelCapacity, TListener listener, bool addSymbolsOnFirstSight = true)
    {
        if (instrumentCapacity < 1)
        {
            ItchThrowHelper.ThrowArgumentOutOfRange(nameof(instrumentCapacity), instrumentCapacity, "instrument capacity must be ≥ 1");
        }

        _books = new L3Book[instrumentCapacity];
        for (int i = 0; i < instrumentCapacity; i++)
        {
            _books[i] = new L3Book(orderCapacity, levelCapacity);
        }

        _ownsBooks = true;
        _locates = new ItchLocateIndex(instrumentCapacity, addSymbolsOnFirstSight);
        _listener = listener;
    }

    /// <summary>
    /// Uses books the caller owns (the engine's <c>MarketBooks.L3(i)</c> in instrument order); then
    /// <see cref="Register(ItchSymbol)"/> each instrument's symbol in the same order so instrument index = instrument id.
    /// </summary>
    public ItchBookBuilder(IReadOnlyList<L3Book> books, TListener listener, bool addSymbolsOnFirstSight = false)
    {
        ArgumentNullException.ThrowIfNull(books);
        if (books.Count < 1)
        {
            ItchThrowHelper.ThrowArgument(nameof(books), "at least one book is needed");
        }

        _books = new L3Book[books.Count];
        for (int i = 0; i < _books.Length; i++)
        {
            _books[i] = books[i] ?? throw new ArgumentException($"book {i} is null", nameof(books));
        }

        _ownsBooks = false;
        _locates = new ItchLocateIndex(_books.Length, addSymbolsOnFirstSight);
        _listener = listener;
    }

    /// <summary>The handler to pass to <c>ItchParser.Parse</c>, <c>MoldUdp64Receiver.OnPacket</c> or <see cref="ItchFileReader"/>.</summary>
    public ItchBookHandler<TListener> Handler => new(this);

    /// <summary>The listener, in place (it is held by value).</summary>
    public ref TListener Listener => ref _listener;

    public ItchLocateIndex Locates => _locates;

    /// <summary>Books (tracked instruments or not), i.e. the instrument capacity.</summary>
    public int BookCount => _books.Length;

    /// <summary>Messages handed in, malformed ones included.</summary>
    public long Messages => _messages;

    /// <summary>Book operations applied (adds, executions, cancels, deletes, replaces).</summary>
    public long Applied => _applied;

    /// <summary>Trades told to the listener ('E', 'C', 'P', 'Q' on tracked instruments).</summary>
    public long Executions => _executions;

    /// <summary>Order messages on a locate no Stock Directory named (a missed directory, or a corrupt locate).</summary>
    public long UnknownLocateMessages => _unknownLocateMessages;

    /// <summary>Messages for instruments not tracked (ignored by design).</summary>
    public long UntrackedMessages => _untrackedMessages;

    /// <summary>Locates mapped from an add's stock field because no directory had named them.</summary>
    public long LocatesAdoptedFromOrders => _locatesAdoptedFromOrders;

    /// <summary>Book operations refused, all reasons.</summary>
    public long RejectedTotal
    {
        get
        {
            long total = 0;
            foreach (long count in _rejected)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Malformed messages, all reasons.</summary>
    public long MalformedTotal => _malformed[(int)ItchMalformedReason.Empty] + _malformed[(int)ItchMalformedReason.UnknownType] + _malformed[(int)ItchMalformedReason.LengthMismatch];

    /// <summary>The book of <paramref name="instrument"/>.</summary>
    public L3Book Book(int instrument) => _books[instrument];

    /// <summary>Messages of type <paramref name="type"/> handed in (well-formed or not).</summary>
    public long MessagesOf(char type) => type < 256 ? _messagesByType[type] : 0;

    public long Malformed(ItchMalformedReason reason) => (uint)reason < MalformedReasonCount ? _malformed[(int)reason] : 0;

    /// <summary>Book operations refused with <paramref name="result"/>.</summary>
    public long Rejected(BookResult result) => (uint)result < BookResultCount ? _rejected[(int)result] : 0;

    /// <summary>Tracks <paramref name="symbol"/> as the next instrument (index returned; -1 when every book is taken).</summary>
    public int Register(ItchSymbol symbol) => _locates.Register(symbol);

    /// <inheritdoc cref="Register(ItchSymbol)"/>
    public int Register(string symbol) => _locates.Register(ItchSymbol.From(symbol));

    /// <summary>
    /// Receive time passed on to the listener with what the next messages cause; set by <see cref="Apply"/> and by
    /// the handler's MoldUDP64 entry point for each packet. Messages parsed straight into <see cref="Handler"/> (a raw
    /// file) carry the last value set.
    /// </summary>
    public long ReceiveTimestampNs
    {
        get => _receiveTimestampNs;
        set => _receiveTimestampNs = value;
    }

    /// <summary>Parses and applies one ITCH message received at <paramref name="receiveTimestampNs"/>; false when it was malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Apply(ReadOnlySpan<byte> message, long receiveTimestampNs = 0)
    {
        _receiveTimestampNs = receiveTimestampNs;
        ItchBookHandler<TListener> handler = new(this);
        return ItchParser.Parse(message, ref handler);
    }

    /// <summary>Empties every book (after an unrecoverable gap, before a snapshot); counters and locates are kept.</summary>
    public void ClearBooks()
    {
        foreach (L3Book book in _books)
        {
            book.Clear();
        }
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
            foreach (L3Book book in _books)
            {
                book.Dispose();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CountMessage(byte type)
    {
        _messages++;
        _messagesByType[type]++;
    }

    internal void OnMalformed(ItchMalformedReason reason, ReadOnlySpan<byte> message)
    {
        _messages++;
        if (!message.IsEmpty)
        {
            _messagesByType[message[0]]++;
        }

        _malformed[(int)reason]++;
    }

    internal void OnSystemEvent(char eventCode, long timestampNs) => _listener.OnSystemEvent(eventCode, timestampNs);

    internal void OnStockDirectory(ushort locate, ItchSymbol symbol) => _locates.OnDirectory(locate, symbol);

    internal void OnTradingAction(ushort locate, char tradingState, long timestampNs)
    {
        int instrument = Tracked(locate);
        if (instrument >= 0)
        {
            _listener.OnTradingAction(instrument, tradingState, timestampNs);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(ushort locate, long orderReferenceNumber, byte sideCode, uint shares, ItchSymbol symbol, long price, long timestampNs)
    {
        int instrument = _locates.InstrumentOf(locate);
        if (instrument < 0)
        {
            instrument = AdoptLocate(locate, symbol, instrument);
            if (instrument < 0)
            {
                return;
            }
        }

        // anything but B/S stays the default side, which the book refuses as InvalidSide (counted)
        Side side = sideCode == (byte)'B' ? Side.Buy : sideCode == (byte)'S' ? Side.Sell : default;
        L3Book book = _books[instrument];
        Completed(book.Add(orderReferenceNumber, side, price, shares), instrument, book, timestampNs);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Execute(ushort locate, long orderReferenceNumber, uint shares, long matchNumber, long timestampNs)
    {
        int instrument = Tracked(locate);
        if (instrument < 0)
        {
            return;
        }

        L3Book book = _books[instrument];
        // the order's price and side are needed for the trade and gone once a full execution removes it
        BookResult result = book.Execute(orderReferenceNumber, shares, out BookOrder order);

        if (Completed(result, instrument, book, timestampNs))
        {
            _executions++;
            _listener.OnExecution(new ItchExecution(
                ItchExecutionKind.OrderExecuted, instrument, timestampNs, order.Price, shares, matchNumber, orderReferenceNumber, order.Side, true, _receiveTimestampNs));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ExecuteWithPrice(ushort locate, long orderReferenceNumber, uint shares, long matchNumber, bool printable, long price, long timestampNs)
    {
        int instrument = Tracked(locate);
        if (instrument < 0)
        {
            return;
        }

        L3Book book = _books[instrument];
        BookResult result = book.Execute(orderReferenceNumber, shares, out BookOrder order);

        if (Completed(result, instrument, book, timestampNs))
        {
            _executions++;
            _listener.OnExecution(new ItchExecution(
                ItchExecutionKind.OrderExecutedWithPrice, instrument, timestampNs, price, shares, matchNumber, orderReferenceNumber, order.Side, printable, _receiveTimestampNs));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Cancel(ushort locate, long orderReferenceNumber, uint shares, long timestampNs)
    {
        int instrument = Tracked(locate);
        if (instrument >= 0)
        {
            L3Book book = _books[instrument];
            Completed(book.Cancel(orderReferenceNumber, shares), instrument, book, timestampNs);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Delete(ushort locate, long orderReferenceNumber, long timestampNs)
    {
        int instrument = Tracked(locate);
        if (instrument >= 0)
        {
            L3Book book = _books[instrument];
            Completed(book.Delete(orderReferenceNumber), instrument, book, timestampNs);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Replace(ushort locate, long originalOrderReferenceNumber, long newOrderReferenceNumber, uint shares, long price, long timestampNs)
    {
        int instrument = Tracked(locate);
        if (instrument >= 0)
        {
            L3Book book = _books[instrument];
            Completed(book.Replace(originalOrderReferenceNumber, newOrderReferenceNumber, price, shares), instrument, book, timestampNs);
        }
    }

    internal void Trade(ItchExecutionKind kind, ushort locate, long shares, long price, long matchNumber, long timestampNs)
    {
        int instrument = Tracked(locate);
        if (instrument >= 0)
        {
            _executions++;
            _listener.OnExecution(new ItchExecution(kind, instrument, timestampNs, price, shares, matchNumber, 0, default, true, _receiveTimestampNs));
        }
    }

    /// <summary>Instrument of an order message's locate, counting the message when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Tracked(ushort locate)
    {
        int instrument = _locates.InstrumentOf(locate);
        if (instrument < 0)
        {
            CountUnmapped(instrument);
        }

        return instrument;
    }

    private void CountUnmapped(int instrument)
    {
        if (instrument == ItchLocateIndex.Untracked)
        {
            _untrackedMessages++;
        }
        else
        {
            _unknownLocateMessages++;
        }
    }

    /// <summary>
    /// An add on a locate with no tracked instrument. If no directory named the locate (joined late, or the entry was
    /// lost), the add's own stock field mends the map as a directory entry would; the add is applied when that stock
    /// is tracked.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AdoptLocate(ushort locate, ItchSymbol symbol, int instrument)
    {
        if (instrument == ItchLocateIndex.Unknown)
        {
            _locatesAdoptedFromOrders++;
            instrument = _locates.OnDirectory(locate, symbol);
            if (instrument >= 0)
            {
                return instrument;
            }
        }

        CountUnmapped(instrument);
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Completed(BookResult result, int instrument, L3Book book, long timestampNs)
    {
        if (result == BookResult.Ok)
        {
            _applied++;
            _listener.OnBookChanged(instrument, book, timestampNs, _receiveTimestampNs);
            return true;
        }

        _rejected[(int)result]++;
        return false;
    }
}
