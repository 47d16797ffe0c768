using System.Runtime.CompilerServices;
using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Sbe;

namespace Llt.Hotpath.MarketData;

/// <summary>
/// Feed failover. Decides, per instrument, which feed's ticks the engine applies: the first feed in priority
/// order (<see cref="EngineConfig.Feeds"/>) that carries the instrument and is healthy. Ticks from any other
/// feed are dropped before validation (counted as standby), so a standby feed never moves instrument state,
/// books or strategies. Health is per feed: a feed is stale when it has been silent (no tick, no FeedHealth
/// heartbeat) longer than its staleAfter, gapped when its handler reported an unrecovered gap, down when its
/// handler said so. <see cref="Check"/> runs on a timer (the conductor's, same thread as the ticks), fails
/// instruments over when their feed stops being healthy and switches them back once the preferred feed has
/// been healthy for its recoverAfter; every switch goes to <see cref="IFeedSwitchListener"/> (the journal).
/// A feed with a <see cref="TradingSession"/> is judged stale only for silence while its market is open (counted
/// from the open at the earliest): the session's next open or close instant is computed once and kept until it
/// passes, so the timer's check does no time-zone arithmetic and allocates nothing.
/// With no feeds configured the selector is off: every tick applies, whatever its feed.
/// </summary>
public sealed class FeedSelector
{
    public const int NoFeed = 255;
    private const int MaxFeedId = 256;

    private readonly bool _enabled;
    private readonly FeedLineConfig[] _lines;
    private readonly int[] _lineOfFeed;            // feedId -> index in _lines, -1 if not configured
    private readonly long[] _lastSeenNs;           // per line: latest receive stamp seen
    private readonly long[] _healthySinceNs;       // per line
    private readonly FeedState[] _states;          // per line
    private readonly long[] _messages;             // per line: ticks + health messages (applied or not)
    private readonly int[][] _priority;            // per instrument: line indexes carrying it, in priority order
    private readonly int[] _activeLine;            // per instrument: index in _lines, -1 none
    private readonly byte[] _activeFeed;           // per instrument: feedId, NoFeed none
    private readonly Counter[] _stateGauges;
    private readonly Counter[] _messageCounters;
    private readonly Counter[] _silenceGauges;
    private readonly TradingSession?[] _sessions;  // per line: null = always open
    private readonly bool[] _sessionOpen;          // per line, as located at _sessionLocatedNs
    private readonly long[] _sessionOpenedNs;      // per line: UTC ns the open session began
    private readonly long[] _sessionChangeNs;      // per line: UTC ns of the next open or close
    private readonly long[] _sessionLocatedNs;     // per line: UTC ns it was located at (a wall clock stepping back relocates)

    public FeedSelector(IReadOnlyList<FeedLineConfig> feeds, InstrumentTable instruments, int instrumentCount, CountersManager counters)
    {
        _enabled = feeds.Count > 0;
        _lines = [.. feeds];
        _lineOfFeed = new int[MaxFeedId];
        _lineOfFeed.AsSpan().Fill(-1);
        _lastSeenNs = new long[_lines.Length];
        _healthySinceNs = new long[_lines.Length];
        _states = new FeedState[_lines.Length];
        _messages = new long[_lines.Length];
        _stateGauges = new Counter[_lines.Length];
        _messageCounters = new Counter[_lines.Length];
        _silenceGauges = new Counter[_lines.Length];
        _sessions = new TradingSession?[_lines.Length];
        _sessionOpen = new bool[_lines.Length];
        _sessionOpenedNs = new long[_lines.Length];
        _sessionChangeNs = new long[_lines.Length];
        _sessionLocatedNs = new long[_lines.Length];
        _sessionChangeNs.AsSpan().Fill(long.MinValue); // located at the first check
        _sessionLocatedNs.AsSpan().Fill(long.MinValue);
        for (int l = 0; l < _lines.Length; l++)
        {
            FeedLineConfig line = _lines[l];
            _sessions[l] = line.Session;
            _lineOfFeed[line.Id] = l;
            _stateGauges[l] = counters.AllocateCounter(540 + l, $"feed {line.Id} {line.Name}: state (0 unseen, 1 healthy, 2 stale, 3 gapped, 4 down)");
            _messageCounters[l] = counters.AllocateCounter(560 + l, $"feed {line.Id} {line.Name}: messages");
            _silenceGauges[l] = counters.AllocateCounter(580 + l, $"feed {line.Id} {line.Name}: ms since last message");
        }

        Switches = counters.AllocateCounter(538, "feeds: instrument switches (failover and back)");
        StandbyTicks = counters.AllocateCounter(539, "feeds: ticks from a standby feed (not applied)");
        _priority = new int[Math.Max(1, instrumentCount)][];
        _activeLine = new int[_priority.Length];
        _activeFeed = new byte[_priority.Length];
        for (int i = 0; i < _priority.Length; i++)
        {
            var carrying = new List<int>(_lines.Length);
            for (int l = 0; l < _lines.Length; l++)
            {
                if (_lines[l].Instruments.Count == 0 || (i < instrumentCount && Carries(_lines[l], instruments.Symbol(i))))
                {
                    carrying.Add(l);
                }
            }

            _priority[i] = [.. carrying];
            // optimistic start: the first feed in priority order is active before anything was seen
            _activeLine[i] = carrying.Count > 0 ? carrying[0] : -1;
            _activeFeed[i] = carrying.Count > 0 ? (byte)_lines[carrying[0]].Id : (byte)NoFeed;
        }
    }

    public bool IsEnabled => _enabled;

    public int LineCount => _lines.Length;

    public Counter Switches { get; }

    public Counter StandbyTicks { get; }

    public FeedLineConfig Line(int line) => _lines[line];

    public FeedState StateOf(int line) => _states[line];

    /// <summary>Whether <paramref name="line"/>'s market was open at the last <see cref="Check"/> (always, without a session).</summary>
    public bool IsMarketOpen(int line) => _sessions[line] is null || _sessionOpen[line];

    /// <summary>The feedId whose ticks apply to <paramref name="instrumentId"/> now; <see cref="NoFeed"/> when none carries it.</summary>
    public int ActiveFeed(int instrumentId) => _activeFeed[instrumentId];

    /// <summary>
    /// Records that <paramref name="feedId"/> is alive (its receive stamp) and says whether its tick for
    /// <paramref name="instrumentId"/> applies. One array write and one compare when failover is on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Admit(int feedId, int instrumentId, long receiveTs)
    {
        if (!_enabled)
        {
            return true;
        }

        int line = _lineOfFeed[(byte)feedId];
        if (line < 0)
        {
            StandbyTicks.Increment();
            return false;
        }

        _messages[line]++;
        if (receiveTs > _lastSeenNs[line])
        {
            _lastSeenNs[line] = receiveTs;
        }

        if (_activeFeed[instrumentId] == feedId)
        {
            return true;
        }

        StandbyTicks.Increment();
        return false;
    }

    /// <summary>A FeedHealth message from a feed handler: heartbeats keep a quiet feed alive, gaps and downs fail it over at the next <see cref="Check"/>.</summary>
    public void OnFeedHealth(int feedId, FeedSignal signal, long receiveTs, long nowNs)
    {
        int line = _enabled ? _lineOfFeed[(byte)feedId] : -1;
        if (line < 0)
        {
            return;
        }

        _messages[line]++;
        long seen = receiveTs > 0 ? receiveTs : nowNs;
        if (seen > _lastSeenNs[line])
        {
            _lastSeenNs[line] = seen;
        }

        switch (signal)
        {
            case FeedSignal.Gap:
                _states[line] = FeedState.Gapped;
                break;
            case FeedSignal.Down:
                _states[line] = FeedState.Down;
                break;
            case FeedSignal.Recovered:
                if (_states[line] != FeedState.Healthy)
                {
                    _states[line] = FeedState.Healthy;
                    _healthySinceNs[line] = nowNs;
                }

                break;
        }
    }

    /// <summary>
    /// Re-judges every feed's health at <paramref name="nowNs"/> (the engine's monotonic clock, the time base of
    /// receive stamps) and moves instruments whose feed changed; returns how many instruments switched.
    /// <paramref name="epochNowNs"/> is the same instant as UTC ns since 1970 (the journal's calibration), which
    /// market hours are judged by. Off the tick path (timer), O(instruments × feeds).
    /// </summary>
    public int Check<TListener>(long nowNs, long epochNowNs, ref TListener listener)
        where TListener : struct, IFeedSwitchListener
    {
        if (!_enabled)
        {
            return 0;
        }

        for (int l = 0; l < _lines.Length; l++)
        {
            long seen = _lastSeenNs[l];
            bool fresh = seen > 0 && nowNs - seen <= _lines[l].StaleAfterNs;
            bool silent = _sessions[l] is null ? !fresh : SilentWhileOpen(l, seen, nowNs, epochNowNs);
            switch (_states[l])
            {
                case FeedState.Unseen:
                    if (fresh)
                    {
                        _states[l] = FeedState.Healthy;
                        _healthySinceNs[l] = nowNs;
                    }

                    break;
                case FeedState.Healthy:
                    if (silent)
                    {
                        _states[l] = FeedState.Stale;
                    }

                    break;
                case FeedState.Stale:
                    if (fresh)
                    {
                        _states[l] = FeedState.Healthy;
                        _healthySinceNs[l] = nowNs;
                    }

                    break;
            }

            _stateGauges[l].Set((long)_states[l]);
            _messageCounters[l].Set(_messages[l]);
            _silenceGauges[l].Set(seen > 0 ? Math.Max(0, nowNs - seen) / 1_000_000 : -1);
        }

        int switched = 0;
        for (int i = 0; i < _priority.Length; i++)
        {
            int current = _activeLine[i];
            int chosen = Choose(_priority[i], current, nowNs);
            if (chosen == current || chosen < 0)
            {
                // nothing better, or nothing healthy at all: keep the current feed, so its ticks apply the
                // moment it comes back (dropping everything would not make the data better)
                continue;
            }

            _activeLine[i] = chosen;
            _activeFeed[i] = (byte)_lines[chosen].Id;
            Switches.Increment();
            switched++;
            listener.OnSwitch(i, current < 0 ? NoFeed : _lines[current].Id, _lines[chosen].Id, current < 0 ? FeedState.Unseen : _states[current], nowNs);
        }

        return switched;
    }

    /// <summary>
    /// Whether a line with market hours has been silent longer than its staleAfter while its market is open: silence
    /// before the open does not count, so a feed that is quiet overnight gets staleAfter from the open to speak.
    /// </summary>
    private bool SilentWhileOpen(int l, long seen, long nowNs, long epochNowNs)
    {
        if (epochNowNs >= _sessionChangeNs[l] || epochNowNs < _sessionLocatedNs[l])
        {
            _sessions[l]!.Locate(epochNowNs, out _sessionOpen[l], out _sessionOpenedNs[l], out _sessionChangeNs[l]);
            _sessionLocatedNs[l] = epochNowNs;
        }

        if (!_sessionOpen[l])
        {
            return false;
        }

        long openedAt = _sessionOpenedNs[l] - (epochNowNs - nowNs); // the open on the monotonic clock
        return nowNs - Math.Max(seen, openedAt) > _lines[l].StaleAfterNs;
    }

    /// <summary>
    /// The first usable line in priority order. The current line is usable while healthy (or not yet seen);
    /// a line ahead of it only once it has been healthy for its recoverAfter, so a flapping primary does not
    /// drag instruments back and forth; a line behind it whenever the current one is not usable.
    /// </summary>
    private int Choose(int[] priority, int current, long nowNs)
    {
        bool currentUsable = current >= 0 && _states[current] is FeedState.Healthy or FeedState.Unseen;
        for (int p = 0; p < priority.Length; p++)
        {
            int line = priority[p];
            if (line == current)
            {
                if (currentUsable)
                {
                    return current;
                }

                continue;
            }

            FeedState state = _states[line];
            if (state == FeedState.Healthy && (nowNs - _healthySinceNs[line] >= _lines[line].RecoverAfterNs || !currentUsable))
            {
                return line;
            }

            if (state == FeedState.Unseen && !currentUsable)
            {
                return line;
            }
        }

        return -1;
    }

    private static bool Carries(FeedLineConfig line, string symbol)
    {
        foreach (string carried in line.Instruments)
        {
            if (string.Equals(carried, symbol, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
