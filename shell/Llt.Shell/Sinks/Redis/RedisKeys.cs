using System.Globalization;

namespace Llt.Shell.Sinks.Redis;

/// <summary>
/// The Redis key layout, in one place (documented for consumers in README "Redis"):
/// <list type="bullet">
/// <item><c>{p}quote:{SYMBOL}</c> hash: latest quote (bid, bidSize, ask, askSize, exchangeTs, seq).</item>
/// <item><c>{p}position:{SYMBOL}:{strategyId}</c> hash: latest position snapshot.</item>
/// <item><c>{p}pnl</c> hash: portfolio P&amp;L; <c>{p}pnl:strategy:{id}</c> per strategy.</item>
/// <item><c>{p}risk</c> hash: latest risk metrics (VaR 95/99, max drawdown, exposures).</item>
/// <item><c>{p}alerts</c> pub/sub channel and <c>{p}alerts:stream</c> capped stream (entry id = "{seq}-0").</item>
/// <item><c>{p}engine:heartbeat</c> string with a TTL: present while the engine is alive.</item>
/// <item><c>{p}sink:{name}:delivered</c>: the sink's delivered journal sequence.</item>
/// </list>
/// </summary>
public sealed class RedisKeys
{
    private readonly string _prefix;

    public RedisKeys(string prefix)
    {
        _prefix = prefix;
    }

    public string Quote(string symbol) => $"{_prefix}quote:{symbol}";

    public string Position(string symbol, int strategyId) => $"{_prefix}position:{symbol}:{strategyId.ToString(CultureInfo.InvariantCulture)}";

    public string Pnl => _prefix + "pnl";

    public string StrategyPnl(int strategyId) => $"{_prefix}pnl:strategy:{strategyId.ToString(CultureInfo.InvariantCulture)}";

    public string Risk => _prefix + "risk";

    public string AlertsChannel => _prefix + "alerts";

    public string AlertsStream => _prefix + "alerts:stream";

    public string Heartbeat => _prefix + "engine:heartbeat";

    public string Delivered(string sink) => $"{_prefix}sink:{sink}:delivered";
}
