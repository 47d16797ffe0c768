namespace Llt.Hotpath.Tests.Feeds.Iex;

/// <summary>
/// A synthetic, self-consistent IEX trading session for one channel, built from the TOPS 1.6 / DEEP 1.0
/// specification layouts (<see cref="IexWire"/>): system events, a security directory entry, trading status, short
/// sale test and operational halt per symbol, then market data — DEEP price level updates (some grouped into events
/// whose last update completes them, bids below and asks above each symbol's mid so no book crosses, size 0 only for a
/// level that is there) or TOPS quote
/// updates — with trade reports, official prices, a trade break, auction information, security events (DEEP) or a
/// retail liquidity indicator (TOPS). Every message type of the protocol appears. Deterministic for a seed. Test
/// infrastructure (issue 7.7): feeds <see cref="IexFeedWriter"/>.
/// </summary>
internal sealed class IexSessionGenerator
{
    /// <summary>Event flags of a price level update: set on the update that completes an atomic event.</summary>
    private const byte EventComplete = 0x1;

    /// <summary>Price points per side: within the engine's default L2 depth, so its books hold every level.</summary>
    private const int LevelsPerSide = 8;

    private readonly Random _random;
    private readonly List<byte[]> _messages = [];
    private readonly List<HashSet<long>> _levels;
    private long _timestamp = 1_700_000_000_000_000_000;
    private long _tradeId = 1;

    public IexSessionGenerator(ushort protocol, int seed, int symbols = 3)
    {
        Protocol = protocol;
        _random = new Random(seed);
        Symbols = [.. Enumerable.Range(0, symbols).Select(i => $"ZIEX{(char)('A' + i)}")];
        _levels = [.. Enumerable.Range(0, 2 * symbols).Select(_ => new HashSet<long>())];
    }

    /// <summary><see cref="IexWire.Tops"/> or <see cref="IexWire.Deep"/>.</summary>
    public ushort Protocol { get; }

    public IReadOnlyList<string> Symbols { get; }

    public IReadOnlyList<byte[]> Messages => _messages;

    private bool Deep => Protocol == IexWire.Deep;

    /// <summary>Mid of symbol <paramref name="i"/> in IEX Price (4 implied decimals).</summary>
    public static long Mid(int i) => (50 + (25 * i)) * 10_000L;

    public IexSessionGenerator Generate(int marketEvents)
    {
        Add(IexWire.SystemEvent((byte)'O', Tick()));
        Add(IexWire.SystemEvent((byte)'S', Tick()));
        for (int i = 0; i < Symbols.Count; i++)
        {
            string symbol = Symbols[i];
            Add(IexWire.SecurityDirectory(0x80, Tick(), symbol, 100, Mid(i), 1));
            Add(IexWire.TradingStatus((byte)'T', Tick(), symbol, ""));
            Add(IexWire.OperationalHaltStatus((byte)'N', Tick(), symbol));
            Add(IexWire.ShortSalePriceTestStatus(0, Tick(), symbol, (byte)' '));
        }

        Add(IexWire.SystemEvent((byte)'R', Tick()));
        string first = Symbols[0];
        Add(IexWire.AuctionInformation((byte)'O', Tick(), first, 1_000, Mid(0), Mid(0), 200, (byte)'B', 0, 1_700_000_000, Mid(0), Mid(0), Mid(0) - 500, Mid(0) + 500));
        Add(Deep ? IexWire.SecurityEvent((byte)'O', Tick(), first) : IexWire.RetailLiquidityIndicator((byte)'A', Tick(), first));
        Add(IexWire.OfficialPrice((byte)'Q', Tick(), first, Mid(0)));
        for (int e = 0; e < marketEvents; e++)
        {
            MarketEvent();
        }

        long broken = _tradeId;
        Add(IexWire.Trade('T', 0, Tick(), first, 100, Mid(0), _tradeId++));
        Add(IexWire.Trade('B', 0, Tick(), first, 100, Mid(0), broken));
        Add(IexWire.OfficialPrice((byte)'M', Tick(), first, Mid(0)));
        if (Deep)
        {
            Add(IexWire.SecurityEvent((byte)'C', Tick(), first));
        }

        Add(IexWire.SystemEvent((byte)'M', Tick()));
        Add(IexWire.SystemEvent((byte)'E', Tick()));
        Add(IexWire.SystemEvent((byte)'C', Tick()));
        return this;
    }

    private void MarketEvent()
    {
        int i = _random.Next(Symbols.Count);
        string symbol = Symbols[i];
        long mid = Mid(i);
        if (_random.Next(8) == 0)
        {
            Add(IexWire.Trade('T', 0, Tick(), symbol, (uint)(1 + _random.Next(500)), mid + (100 * (_random.Next(3) - 1)), _tradeId++));
            return;
        }

        if (!Deep)
        {
            long bid = mid - (100 * (1 + _random.Next(LevelsPerSide)));
            long ask = mid + (100 * (1 + _random.Next(LevelsPerSide)));
            Add(IexWire.QuoteUpdate(0, Tick(), symbol, (uint)(100 * (1 + _random.Next(9))), bid, ask, (uint)(100 * (1 + _random.Next(9)))));
            return;
        }

        // an atomic event of one to three level updates: only the last completes it; size 0 only removes a level
        // that is there, as IEX sends it
        int updates = 1 + _random.Next(3);
        for (int u = 0; u < updates; u++)
        {
            bool buy = _random.Next(2) == 0;
            HashSet<long> live = _levels[(i * 2) + (buy ? 0 : 1)];
            long price = buy ? mid - (100 * (1 + _random.Next(LevelsPerSide))) : mid + (100 * (1 + _random.Next(LevelsPerSide)));
            uint size = live.Contains(price) && _random.Next(3) == 0 ? 0u : (uint)(100 * (1 + _random.Next(9)));
            if (size == 0)
            {
                live.Remove(price);
            }
            else
            {
                live.Add(price);
            }

            Add(IexWire.PriceLevel(buy, u == updates - 1 ? EventComplete : (byte)0, Tick(), symbol, size, price));
        }
    }

    private long Tick() => _timestamp += 1_000 + _random.Next(10_000);

    private void Add(byte[] message) => _messages.Add(message);
}
