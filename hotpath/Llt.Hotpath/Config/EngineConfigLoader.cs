using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Config;

/// <summary>
/// Reads <c>llt.json</c> into an <see cref="EngineConfig"/>. Strict: an unknown key, a wrong JSON type or
/// an impossible value throws <see cref="ConfigException"/> naming the dotted key, so a typo refuses to
/// start instead of silently running on a default. Missing keys take the embedded defaults.
/// Reflection-free (JsonDocument), so it works under Native AOT.
/// </summary>
public static class EngineConfigLoader
{
    private static readonly string[] TopLevelKeys = ["engine", "feed", "feeds", "venue", "venues", "oms", "instruments", "strategies"];
    private static readonly string[] FeedLineKeys = ["name", "id", "staleAfter", "recoverAfter", "instruments", "session"];
    private static readonly string[] SessionKeys = ["open", "close", "timeZone", "days"];

    /// <summary>Most feeds failover chooses between (and counter slots reserved for them).</summary>
    public const int MaxFeedLines = 16;
    private static readonly string[] VenueKeys = ["name", "type", "entryLatency", "ackLatency", "takerFee", "makerFee", "liquidityShare", "ackTimeout"];
    private static readonly string[] VenuesItemKeys = ["name", "type", "entryLatency", "ackLatency", "takerFee", "makerFee", "liquidityShare"];
    private static readonly string[] OmsKeys = ["ackTimeout"];

    /// <summary>Most venues the router spreads over (venue ids are int16 on the wire; the router ranks with an insertion sort).</summary>
    public const int MaxVenues = 16;
    private static readonly string[] FeedKeys =
        ["type", "seed", "mode", "rate", "feedId", "batch", "path", "speed", "sessionDate",
         "lineA", "lineB", "interface", "receiveBuffer", "gapWindow", "heartbeatInterval", "iexProtocol"];
    private static readonly string[] InstrumentKeys = ["symbol", "exchange", "tickSize", "lotSize", "maxPosition", "marginRequirement", "startPrice"];
    private static readonly string[] StrategyKeys = ["name", "type", "enabled", "instruments", "maxPosition", "riskLimit", "parameters"];
    private static readonly string[] EngineKeys =
        ["name", "shmDir", "mdRingCapacity", "cmdRingCapacity", "heartbeatInterval", "lockMemory", "l2Depth", "l3OrderCapacity", "journal", "threads"];
    private static readonly string[] JournalKeys =
        ["dir", "segmentSize", "fsync", "retainSegments", "archiveDir", "journalTicks"];
    private static readonly string[] ThreadKeys = ["name", "cpus", "idle", "agents"];

    public static EngineConfig LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException("(file)", $"cannot read {path}: {e.Message}");
        }

        return Parse(text);
    }

    public static EngineConfig Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException("(file)", $"not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            RequireObject(root, "(root)");
            CheckKeys(root, "", TopLevelKeys);
            EngineConfig config = root.TryGetProperty("engine", out JsonElement engine) ? ParseEngine(engine) : new EngineConfig();
            if (root.TryGetProperty("feed", out JsonElement feed))
            {
                config = config with { Feed = ParseFeed(feed) };
            }

            if (root.TryGetProperty("venue", out JsonElement venue))
            {
                if (root.TryGetProperty("venues", out _))
                {
                    throw new ConfigException("venues", "give either venue (one venue) or venues (a list), not both");
                }

                const string prefix = "venue";
                RequireObject(venue, prefix);
                CheckKeys(venue, prefix, VenueKeys);
                config = config with
                {
                    Venues = [ParseVenue(venue, prefix)],
                    AckTimeoutNs = ParseAckTimeout(venue, prefix) ?? config.AckTimeoutNs,
                };
            }

            if (root.TryGetProperty("venues", out JsonElement venues))
            {
                config = config with { Venues = ParseVenues(venues) };
            }

            if (root.TryGetProperty("feeds", out JsonElement feeds))
            {
                config = config with { Feeds = ParseFeedLines(feeds) };
            }

            if (root.TryGetProperty("oms", out JsonElement oms))
            {
                const string prefix = "oms";
                RequireObject(oms, prefix);
                CheckKeys(oms, prefix, OmsKeys);
                config = config with { AckTimeoutNs = ParseAckTimeout(oms, prefix) ?? config.AckTimeoutNs };
            }

            if (root.TryGetProperty("instruments", out JsonElement instruments))
            {
                config = With(config, ParseInstruments(instruments), config.Strategies);
            }

            if (root.TryGetProperty("strategies", out JsonElement strategies))
            {
                config = With(config, config.Instruments, ParseStrategies(strategies));
            }

            return Validate(config);
        }
    }

    private static List<FeedLineConfig> ParseFeedLines(JsonElement feeds)
    {
        const string prefix = "feeds";
        if (feeds.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException(prefix, $"must be an array of feeds in priority order, found {Describe(feeds)}");
        }

        var list = new List<FeedLineConfig>();
        int i = 0;
        foreach (JsonElement item in feeds.EnumerateArray())
        {
            string key = $"{prefix}[{i++}]";
            RequireObject(item, key);
            CheckKeys(item, key, FeedLineKeys);
            var symbols = new List<string>();
            if (item.TryGetProperty("instruments", out JsonElement carried))
            {
                if (carried.ValueKind != JsonValueKind.Array)
                {
                    throw new ConfigException($"{key}.instruments", $"must be an array of symbols, found {Describe(carried)}");
                }

                int s = 0;
                foreach (JsonElement symbol in carried.EnumerateArray())
                {
                    if (symbol.ValueKind != JsonValueKind.String)
                    {
                        throw new ConfigException($"{key}.instruments[{s}]", $"must be a symbol string, found {Describe(symbol)}");
                    }

                    symbols.Add(symbol.GetString()!);
                    s++;
                }
            }

            var defaults = new FeedLineConfig { Name = "" };
            long? id = GetInt64(item, key, "id");
            list.Add(new FeedLineConfig
            {
                Name = GetString(item, key, "name") ?? throw new ConfigException($"{key}.name", "is required"),
                Id = id is null ? throw new ConfigException($"{key}.id", "is required (the feedId its ticks carry)")
                    : id is < 0 or > 253 ? throw new ConfigException($"{key}.id", $"{id} must be 0..253") : (int)id,
                StaleAfterNs = GetDuration(item, key, "staleAfter") ?? defaults.StaleAfterNs,
                RecoverAfterNs = GetDuration(item, key, "recoverAfter") ?? defaults.RecoverAfterNs,
                Session = item.TryGetProperty("session", out JsonElement session) ? ParseSession(session, $"{key}.session") : null,
                Instruments = symbols,
            });
        }

        return list;
    }

    private static TradingSession ParseSession(JsonElement session, string key)
    {
        RequireObject(session, key);
        CheckKeys(session, key, SessionKeys);
        string open = GetString(session, key, "open") ?? throw new ConfigException($"{key}.open", "is required (local time like 09:30)");
        string close = GetString(session, key, "close") ?? throw new ConfigException($"{key}.close", "is required (local time like 16:00)");
        string zone = GetString(session, key, "timeZone") ?? throw new ConfigException($"{key}.timeZone", "is required (an IANA zone like America/New_York)");
        string days = GetString(session, key, "days") ?? "Mon-Fri";
        if (!TradingSession.TryParseTime(open, out TimeOnly opens))
        {
            throw new ConfigException($"{key}.open", $"'{open}' is not a 24-hour time like 09:30");
        }

        if (!TradingSession.TryParseTime(close, out TimeOnly closes))
        {
            throw new ConfigException($"{key}.close", $"'{close}' is not a 24-hour time like 16:00");
        }

        if (!TradingSession.TryFindZone(zone, out TimeZoneInfo? timeZone, out string? zoneError))
        {
            throw new ConfigException($"{key}.timeZone", zoneError);
        }

        if (!TradingSession.TryParseDays(days, out int dayMask, out string? daysError))
        {
            throw new ConfigException($"{key}.days", daysError);
        }

        return new TradingSession { Open = opens, Close = closes, TimeZone = timeZone, Days = dayMask };
    }

    private static IPEndPoint? GetEndpoint(JsonElement parent, string prefix, string name)
    {
        string? text = GetString(parent, prefix, name);
        if (text is null)
        {
            return null;
        }

        if (!IPEndPoint.TryParse(text, out IPEndPoint? endpoint) || endpoint.AddressFamily != AddressFamily.InterNetwork || endpoint.Port == 0)
        {
            throw new ConfigException($"{prefix}.{name}", $"'{text}' is not an IPv4 group:port like 233.54.12.111:26477");
        }

        return endpoint;
    }

    private static long? ParseAckTimeout(JsonElement section, string prefix)
    {
        long? timeout = GetDuration(section, prefix, "ackTimeout");
        if (timeout < 1_000_000)
        {
            throw new ConfigException($"{prefix}.ackTimeout", "must be at least 1ms");
        }

        return timeout;
    }

    private static VenueConfig ParseVenue(JsonElement venue, string prefix)
    {
        var defaults = new VenueConfig();
        var config = new VenueConfig
        {
            Name = GetString(venue, prefix, "name") ?? defaults.Name,
            Type = GetString(venue, prefix, "type") ?? defaults.Type,
            EntryLatencyNs = GetDuration(venue, prefix, "entryLatency") ?? defaults.EntryLatencyNs,
            AckLatencyNs = GetDuration(venue, prefix, "ackLatency") ?? defaults.AckLatencyNs,
            TakerFeePerUnit = GetFixedPoint(venue, prefix, "takerFee") ?? defaults.TakerFeePerUnit,
            MakerFeePerUnit = GetFixedPoint(venue, prefix, "makerFee") ?? defaults.MakerFeePerUnit,
            LiquidityShare = GetFixedPoint(venue, prefix, "liquidityShare") ?? defaults.LiquidityShare,
        };
        if (string.IsNullOrWhiteSpace(config.Name))
        {
            throw new ConfigException($"{prefix}.name", "must not be empty");
        }

        if (config.Type is not ("simulated" or "external"))
        {
            throw new ConfigException($"{prefix}.type", $"'{config.Type}' is not one of simulated, external");
        }

        if (config.EntryLatencyNs < 0)
        {
            throw new ConfigException($"{prefix}.entryLatency", "latencies must not be negative");
        }

        if (config.AckLatencyNs < 0)
        {
            throw new ConfigException($"{prefix}.ackLatency", "latencies must not be negative");
        }

        if (config.LiquidityShare <= 0 || config.LiquidityShare > FixedPoint.Scale)
        {
            throw new ConfigException($"{prefix}.liquidityShare", "must be more than 0 and at most 1");
        }

        return config;
    }

    private static List<VenueConfig> ParseVenues(JsonElement venues)
    {
        const string prefix = "venues";
        if (venues.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException(prefix, $"must be an array of venues, found {Describe(venues)}");
        }

        var list = new List<VenueConfig>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement item in venues.EnumerateArray())
        {
            string itemPrefix = $"{prefix}[{i++}]";
            RequireObject(item, itemPrefix);
            CheckKeys(item, itemPrefix, VenuesItemKeys);
            VenueConfig venue = ParseVenue(item, itemPrefix);
            if (!names.Add(venue.Name))
            {
                throw new ConfigException($"{itemPrefix}.name", $"'{venue.Name}' names two venues");
            }

            list.Add(venue);
        }

        if (list.Count == 0)
        {
            throw new ConfigException(prefix, "at least one venue is needed to trade");
        }

        if (list.Count > MaxVenues)
        {
            throw new ConfigException(prefix, $"{list.Count} venues; at most {MaxVenues}");
        }

        return list;
    }

    private static EngineConfig ParseEngine(JsonElement engine)
    {
        const string prefix = "engine";
        RequireObject(engine, prefix);
        CheckKeys(engine, prefix, EngineKeys);
        var defaults = new EngineConfig();
        return new EngineConfig
        {
            Name = GetString(engine, prefix, "name") ?? defaults.Name,
            ShmDirectory = GetString(engine, prefix, "shmDir") ?? defaults.ShmDirectory,
            MdRingCapacity = GetInt32(engine, prefix, "mdRingCapacity") ?? defaults.MdRingCapacity,
            CmdRingCapacity = GetInt32(engine, prefix, "cmdRingCapacity") ?? defaults.CmdRingCapacity,
            HeartbeatIntervalNs = GetDuration(engine, prefix, "heartbeatInterval") ?? defaults.HeartbeatIntervalNs,
            LockMemory = GetBool(engine, prefix, "lockMemory") ?? defaults.LockMemory,
            L2Depth = GetInt32(engine, prefix, "l2Depth") ?? defaults.L2Depth,
            L3OrderCapacity = GetInt32(engine, prefix, "l3OrderCapacity") ?? defaults.L3OrderCapacity,
            Journal = engine.TryGetProperty("journal", out JsonElement journal) ? ParseJournal(journal) : defaults.Journal,
            Threads = engine.TryGetProperty("threads", out JsonElement threads) ? ParseThreads(threads) : defaults.Threads,
        };
    }

    private static JournalConfig ParseJournal(JsonElement journal)
    {
        const string prefix = "engine.journal";
        RequireObject(journal, prefix);
        CheckKeys(journal, prefix, JournalKeys);
        var defaults = new JournalConfig();
        return new JournalConfig
        {
            Directory = GetString(journal, prefix, "dir") ?? defaults.Directory,
            SegmentLength = GetInt64(journal, prefix, "segmentSize") ?? defaults.SegmentLength,
            Fsync = GetString(journal, prefix, "fsync") ?? defaults.Fsync,
            RetainSegments = GetInt32(journal, prefix, "retainSegments") ?? defaults.RetainSegments,
            ArchiveDirectory = GetString(journal, prefix, "archiveDir") ?? defaults.ArchiveDirectory,
            JournalTicks = GetBool(journal, prefix, "journalTicks") ?? defaults.JournalTicks,
        };
    }

    private static List<AgentThreadConfig> ParseThreads(JsonElement threads)
    {
        const string prefix = "engine.threads";
        if (threads.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException(prefix, $"must be an array of threads, found {Describe(threads)}");
        }

        var result = new List<AgentThreadConfig>();
        int index = 0;
        foreach (JsonElement thread in threads.EnumerateArray())
        {
            string key = $"{prefix}[{index}]";
            RequireObject(thread, key);
            CheckKeys(thread, key, ThreadKeys);
            string name = GetString(thread, key, "name") ?? throw new ConfigException($"{key}.name", "is required");
            string cpus = GetString(thread, key, "cpus") ?? "";
            string idle = GetString(thread, key, "idle") ?? "backoff";
            if (!CpuSet.TryParse(cpus, out CpuSet? cpuSet, out string? cpuError))
            {
                throw new ConfigException($"{key}.cpus", cpuError);
            }

            if (!IdleStrategyConfig.TryParse(idle, out IdleStrategyConfig? idleConfig, out string? idleError))
            {
                throw new ConfigException($"{key}.idle", idleError);
            }

            if (!thread.TryGetProperty("agents", out JsonElement agents) || agents.ValueKind != JsonValueKind.Array)
            {
                throw new ConfigException($"{key}.agents", "is required: an array of agent names");
            }

            var roles = new List<string>();
            int agentIndex = 0;
            foreach (JsonElement agent in agents.EnumerateArray())
            {
                string agentKey = $"{key}.agents[{agentIndex}]";
                if (agent.ValueKind != JsonValueKind.String)
                {
                    throw new ConfigException(agentKey, $"must be a string, found {Describe(agent)}");
                }

                string role = agent.GetString()!;
                if (Array.IndexOf(EngineAgentNames.All, role) < 0)
                {
                    throw new ConfigException(agentKey, $"unknown agent '{role}'; known: {string.Join(", ", EngineAgentNames.All)}");
                }

                roles.Add(role);
                agentIndex++;
            }

            try
            {
                result.Add(new AgentThreadConfig(name, cpuSet, idleConfig, roles));
            }
            catch (ArgumentException e)
            {
                throw new ConfigException(key, e.Message);
            }

            index++;
        }

        return result;
    }

    private static EngineConfig With(EngineConfig c, IReadOnlyList<InstrumentConfig> instruments, IReadOnlyList<StrategyConfig> strategies) =>
        c with { Instruments = instruments, Strategies = strategies };

    private static FeedConfig ParseFeed(JsonElement feed)
    {
        const string prefix = "feed";
        RequireObject(feed, prefix);
        CheckKeys(feed, prefix, FeedKeys);
        var defaults = new FeedConfig();
        long? seed = GetInt64(feed, prefix, "seed");
        if (seed < 0)
        {
            throw new ConfigException("feed.seed", "must not be negative");
        }

        long? feedId = GetInt64(feed, prefix, "feedId");
        if (feedId is < 0 or > 254)
        {
            throw new ConfigException("feed.feedId", "must be 0..254");
        }

        return new FeedConfig
        {
            Type = GetString(feed, prefix, "type") ?? defaults.Type,
            Seed = seed is null ? defaults.Seed : (ulong)seed.Value,
            Mode = GetString(feed, prefix, "mode") ?? defaults.Mode,
            Rate = GetInt64(feed, prefix, "rate") ?? defaults.Rate,
            FeedId = feedId is null ? defaults.FeedId : (byte)feedId.Value,
            Batch = (int)(GetInt64(feed, prefix, "batch") is long batch ? (batch is >= 1 and <= 65_536 ? batch : throw new ConfigException("feed.batch", "must be 1..65536")) : defaults.Batch),
            Path = GetString(feed, prefix, "path"),
            SessionDate = GetString(feed, prefix, "sessionDate") is string date
                ? DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateOnly day)
                    ? day
                    : throw new ConfigException("feed.sessionDate", $"'{date}' is not a date like 2019-01-30")
                : null,
            LineA = GetEndpoint(feed, prefix, "lineA"),
            LineB = GetEndpoint(feed, prefix, "lineB"),
            Interface = GetString(feed, prefix, "interface") is string nic
                ? IPAddress.TryParse(nic, out IPAddress? address) && address.AddressFamily == AddressFamily.InterNetwork
                    ? address
                    : throw new ConfigException("feed.interface", $"'{nic}' is not an IPv4 address (the interface's, like 10.0.0.5)")
                : null,
            ReceiveBufferBytes = GetInt32(feed, prefix, "receiveBuffer") ?? defaults.ReceiveBufferBytes,
            GapWindowNs = GetDuration(feed, prefix, "gapWindow") ?? defaults.GapWindowNs,
            HeartbeatIntervalNs = GetDuration(feed, prefix, "heartbeatInterval") ?? defaults.HeartbeatIntervalNs,
            IexProtocol = GetString(feed, prefix, "iexProtocol") ?? defaults.IexProtocol,
            Speed = feed.TryGetProperty("speed", out JsonElement speed)
                ? speed.ValueKind == JsonValueKind.Number && speed.TryGetDouble(out double x) && double.IsFinite(x) && x > 0 && x <= 1_000_000
                    ? x
                    : throw new ConfigException("feed.speed", $"must be a number > 0 (1 = recorded pace), found {Describe(speed)}")
                : defaults.Speed,
        };
    }

    private static List<InstrumentConfig> ParseInstruments(JsonElement instruments)
    {
        const string prefix = "instruments";
        if (instruments.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException(prefix, $"must be an array of instruments, found {Describe(instruments)}");
        }

        var result = new List<InstrumentConfig>();
        int index = 0;
        foreach (JsonElement item in instruments.EnumerateArray())
        {
            string key = $"{prefix}[{index}]";
            RequireObject(item, key);
            CheckKeys(item, key, InstrumentKeys);
            var defaults = new InstrumentConfig { Symbol = "" };
            result.Add(new InstrumentConfig
            {
                Symbol = GetString(item, key, "symbol") ?? throw new ConfigException($"{key}.symbol", "is required"),
                Exchange = GetString(item, key, "exchange") ?? defaults.Exchange,
                TickSize = GetFixedPoint(item, key, "tickSize") ?? defaults.TickSize,
                LotSize = GetInt64(item, key, "lotSize") ?? defaults.LotSize,
                MaxPosition = GetInt64(item, key, "maxPosition") ?? defaults.MaxPosition,
                MarginRequirement = GetFixedPoint(item, key, "marginRequirement") ?? defaults.MarginRequirement,
                StartPrice = GetFixedPoint(item, key, "startPrice") ?? defaults.StartPrice,
            });
            index++;
        }

        return result;
    }

    private static List<StrategyConfig> ParseStrategies(JsonElement strategies)
    {
        const string prefix = "strategies";
        if (strategies.ValueKind != JsonValueKind.Array)
        {
            throw new ConfigException(prefix, $"must be an array of strategies, found {Describe(strategies)}");
        }

        var result = new List<StrategyConfig>();
        int index = 0;
        foreach (JsonElement item in strategies.EnumerateArray())
        {
            string key = $"{prefix}[{index}]";
            RequireObject(item, key);
            CheckKeys(item, key, StrategyKeys);
            var defaults = new StrategyConfig { Name = "", Type = "" };
            var symbols = new List<string>();
            if (item.TryGetProperty("instruments", out JsonElement list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new ConfigException($"{key}.instruments", $"must be an array of symbols, found {Describe(list)}");
                }

                int i = 0;
                foreach (JsonElement symbol in list.EnumerateArray())
                {
                    if (symbol.ValueKind != JsonValueKind.String)
                    {
                        throw new ConfigException($"{key}.instruments[{i}]", $"must be a symbol string, found {Describe(symbol)}");
                    }

                    symbols.Add(symbol.GetString()!);
                    i++;
                }
            }

            var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
            if (item.TryGetProperty("parameters", out JsonElement p))
            {
                RequireObject(p, $"{key}.parameters");
                foreach (JsonProperty parameter in p.EnumerateObject())
                {
                    if (parameter.Value.ValueKind != JsonValueKind.Number || !parameter.Value.TryGetDouble(out double number) || !double.IsFinite(number))
                    {
                        throw new ConfigException($"{key}.parameters.{parameter.Name}", $"must be a finite number, found {Describe(parameter.Value)}");
                    }

                    parameters[parameter.Name] = number;
                }
            }

            result.Add(new StrategyConfig
            {
                Name = GetString(item, key, "name") ?? throw new ConfigException($"{key}.name", "is required"),
                Type = GetString(item, key, "type") ?? throw new ConfigException($"{key}.type", "is required"),
                Enabled = GetBool(item, key, "enabled") ?? defaults.Enabled,
                Instruments = symbols,
                MaxPosition = GetInt64(item, key, "maxPosition") ?? defaults.MaxPosition,
                RiskLimit = GetFixedPoint(item, key, "riskLimit") ?? defaults.RiskLimit,
                Parameters = parameters,
            });
            index++;
        }

        return result;
    }

    private static long? GetFixedPoint(JsonElement parent, string prefix, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out decimal number))
        {
            throw new ConfigException($"{prefix}.{name}", $"must be a decimal number, found {Describe(value)}");
        }

        if (!FixedPoint.TryFromDecimal(number, out long raw, out string? error))
        {
            throw new ConfigException($"{prefix}.{name}", error);
        }

        return raw;
    }

    private static void ValidateInstrumentsAndStrategies(EngineConfig config)
    {
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < config.Instruments.Count; i++)
        {
            InstrumentConfig instrument = config.Instruments[i];
            string key = $"instruments[{i}]";
            if (string.IsNullOrWhiteSpace(instrument.Symbol) || instrument.Symbol.Length > 16)
            {
                throw new ConfigException($"{key}.symbol", $"'{instrument.Symbol}' must be 1..16 characters");
            }

            if (!symbols.Add(instrument.Symbol))
            {
                throw new ConfigException($"{key}.symbol", $"'{instrument.Symbol}' is configured twice");
            }

            if (instrument.TickSize <= 0)
            {
                throw new ConfigException($"{key}.tickSize", "must be positive");
            }

            if (instrument.LotSize <= 0)
            {
                throw new ConfigException($"{key}.lotSize", "must be positive");
            }

            if (instrument.MaxPosition < 0)
            {
                throw new ConfigException($"{key}.maxPosition", "must not be negative");
            }

            if (instrument.MarginRequirement < 0 || instrument.MarginRequirement > FixedPoint.Scale)
            {
                throw new ConfigException($"{key}.marginRequirement", "must be a fraction between 0 and 1");
            }

            if (instrument.StartPrice <= 0 || instrument.StartPrice % instrument.TickSize != 0)
            {
                throw new ConfigException($"{key}.startPrice", "must be positive and on the tick grid");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < config.Strategies.Count; i++)
        {
            StrategyConfig strategy = config.Strategies[i];
            string key = $"strategies[{i}]";
            if (string.IsNullOrWhiteSpace(strategy.Name))
            {
                throw new ConfigException($"{key}.name", "must not be empty");
            }

            if (!names.Add(strategy.Name))
            {
                throw new ConfigException($"{key}.name", $"'{strategy.Name}' is configured twice");
            }

            if (string.IsNullOrWhiteSpace(strategy.Type))
            {
                throw new ConfigException($"{key}.type", "must not be empty");
            }

            for (int j = 0; j < strategy.Instruments.Count; j++)
            {
                if (!symbols.Contains(strategy.Instruments[j]))
                {
                    throw new ConfigException($"{key}.instruments[{j}]", $"'{strategy.Instruments[j]}' is not a configured instrument");
                }
            }

            if (strategy.MaxPosition < 0)
            {
                throw new ConfigException($"{key}.maxPosition", "must not be negative");
            }

            if (strategy.RiskLimit < 0)
            {
                throw new ConfigException($"{key}.riskLimit", "must not be negative");
            }
        }
    }

    /// <summary>The receiving side of an itch-udp / iex-udp feed: lines, buffers and windows it can run with.</summary>
    private static void ValidateLiveFeed(EngineConfig config)
    {
        FeedConfig feed = config.Feed;
        if (!feed.IsLive)
        {
            return;
        }

        if (feed.LineA is null)
        {
            throw new ConfigException("feed.lineA", $"is required for an {feed.Type} feed (group:port of line A)");
        }

        CheckLine("feed.lineA", feed.LineA);
        if (feed.LineB is not null)
        {
            CheckLine("feed.lineB", feed.LineB);
            if (feed.LineB.Equals(feed.LineA))
            {
                throw new ConfigException("feed.lineB", $"{feed.LineB} is line A too; line B is the other group (or leave it out for one line)");
            }
        }

        if (feed.Interface is not null && feed.Interface.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ConfigException("feed.interface", $"{feed.Interface} is not an IPv4 address");
        }

        if (feed.ReceiveBufferBytes is < 64 * 1024 or > 1 << 30)
        {
            throw new ConfigException("feed.receiveBuffer", $"{feed.ReceiveBufferBytes} must be 65536..1073741824 bytes");
        }

        if (feed.GapWindowNs is < 0 or > 10_000_000_000)
        {
            throw new ConfigException("feed.gapWindow", "must be 0..10s");
        }

        if (feed.HeartbeatIntervalNs is < 1_000_000 or > 60_000_000_000)
        {
            throw new ConfigException("feed.heartbeatInterval", "must be between 1ms and 60s");
        }

        foreach (FeedLineConfig line in config.Feeds)
        {
            if (line.Id == feed.FeedId && feed.HeartbeatIntervalNs >= line.StaleAfterNs)
            {
                throw new ConfigException("feed.heartbeatInterval",
                    $"{feed.HeartbeatIntervalNs / 1_000_000}ms is not shorter than staleAfter of feed '{line.Name}' (id {line.Id}): a quiet but live feed would fail over");
            }
        }

        if (feed.Type == "iex-udp" && feed.IexProtocol is not ("deep" or "tops"))
        {
            throw new ConfigException("feed.iexProtocol", $"'{feed.IexProtocol}' is not one of deep, tops");
        }
    }

    private static void CheckLine(string key, IPEndPoint line)
    {
        if (line.AddressFamily != AddressFamily.InterNetwork || line.Port is < 1 or > 65_535)
        {
            throw new ConfigException(key, $"{line} is not an IPv4 group:port with a port of 1..65535");
        }
    }

    /// <summary>Cross-field rules, applied to parsed files and to configs built in code alike.</summary>
    private static void ValidateFeedLines(EngineConfig config)
    {
        if (config.Feeds.Count > MaxFeedLines)
        {
            throw new ConfigException("feeds", $"{config.Feeds.Count} feeds; at most {MaxFeedLines}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<int>();
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (InstrumentConfig instrument in config.Instruments)
        {
            symbols.Add(instrument.Symbol);
        }

        for (int i = 0; i < config.Feeds.Count; i++)
        {
            FeedLineConfig feed = config.Feeds[i];
            string key = $"feeds[{i}]";
            if (string.IsNullOrWhiteSpace(feed.Name) || !names.Add(feed.Name))
            {
                throw new ConfigException($"{key}.name", $"'{feed.Name}' is empty or names another feed too");
            }

            if (feed.Id is < 0 or > 253 || !ids.Add(feed.Id))
            {
                throw new ConfigException($"{key}.id", $"{feed.Id} is outside 0..253 or used by another feed");
            }

            if (feed.StaleAfterNs < 1_000_000)
            {
                throw new ConfigException($"{key}.staleAfter", "must be at least 1ms");
            }

            if (feed.RecoverAfterNs < 0)
            {
                throw new ConfigException($"{key}.recoverAfter", "must not be negative");
            }

            if (feed.Session is { } session)
            {
                if (session.Open == session.Close)
                {
                    throw new ConfigException($"{key}.session.close", $"{session.Close.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} is the open too; leave session out for a market that never closes");
                }

                if ((session.Days & 0b111_1111) == 0 || (session.Days & ~0b111_1111) != 0)
                {
                    throw new ConfigException($"{key}.session.days", "must name at least one day (Sun..Sat)");
                }
            }

            for (int s = 0; s < feed.Instruments.Count; s++)
            {
                if (!symbols.Contains(feed.Instruments[s]))
                {
                    throw new ConfigException($"{key}.instruments[{s}]", $"'{feed.Instruments[s]}' is not a configured instrument");
                }
            }
        }
    }

    public static EngineConfig Validate(EngineConfig config)
    {
        if (string.IsNullOrWhiteSpace(config.Name) || config.Name.IndexOfAny(['/', '\\', '\0']) >= 0 || config.Name is "." or "..")
        {
            throw new ConfigException("engine.name", $"'{config.Name}' is not a usable name (non-empty, no path separators)");
        }

        if (string.IsNullOrWhiteSpace(config.ShmDirectory))
        {
            throw new ConfigException("engine.shmDir", "must not be empty");
        }

        CheckRingCapacity("engine.mdRingCapacity", config.MdRingCapacity);
        ValidateFeedLines(config);
        CheckRingCapacity("engine.cmdRingCapacity", config.CmdRingCapacity);
        if (config.HeartbeatIntervalNs < 1_000_000 || config.HeartbeatIntervalNs > 60_000_000_000)
        {
            throw new ConfigException("engine.heartbeatInterval", "must be between 1ms and 60s");
        }

        if (config.L2Depth < 1 || config.L2Depth > 256)
        {
            throw new ConfigException("engine.l2Depth", $"{config.L2Depth} must be 1..256");
        }

        if (config.L3OrderCapacity < 0 || (config.L3OrderCapacity > 0 && (config.L3OrderCapacity & (config.L3OrderCapacity - 1)) != 0) || config.L3OrderCapacity > 1 << 24)
        {
            throw new ConfigException("engine.l3OrderCapacity", $"{config.L3OrderCapacity} must be 0 (no L3 books) or a power of two up to 16777216");
        }

        JournalConfig journal = config.Journal;
        if (string.IsNullOrWhiteSpace(journal.Directory))
        {
            throw new ConfigException("engine.journal.dir", "must not be empty");
        }

        long segment = journal.SegmentLength;
        if (segment < 64 * 1024 || segment > 1L << 30 || (segment & (segment - 1)) != 0)
        {
            throw new ConfigException("engine.journal.segmentSize", $"{segment} must be a power of two between 65536 and 1073741824");
        }

        if (!TryParseFsync(journal.Fsync, out _, out _, out string? fsyncError))
        {
            throw new ConfigException("engine.journal.fsync", fsyncError);
        }

        if (journal.RetainSegments < 0)
        {
            throw new ConfigException("engine.journal.retainSegments", "must be 0 (keep all) or a positive count");
        }

        ValidateInstrumentsAndStrategies(config);

        if (config.Feed.Type is not ("simulator" or "none" or "itch" or "iex" or "itch-udp" or "iex-udp"))
        {
            throw new ConfigException("feed.type", $"'{config.Feed.Type}' is not one of simulator, itch, iex, itch-udp, iex-udp, none");
        }

        ValidateLiveFeed(config);

        if (config.Feed.IsReplay && (string.IsNullOrWhiteSpace(config.Feed.Path) || !File.Exists(config.Feed.Path)))
        {
            throw new ConfigException("feed.path", $"'{config.Feed.Path}' is not a readable capture file (an {config.Feed.Type} feed replays one)");
        }

        if (config.Feed.Mode is not ("paced" or "max"))
        {
            throw new ConfigException("feed.mode", $"'{config.Feed.Mode}' is not one of paced, max");
        }

        if (config.Feed.Rate < 1 || config.Feed.Rate > 100_000_000)
        {
            throw new ConfigException("feed.rate", "must be 1..100000000 events per second");
        }

        if (config.Feed.IsSimulator && config.Instruments.Count == 0)
        {
            throw new ConfigException("instruments", "the simulator feed needs at least one instrument");
        }

        var placed = new HashSet<string>(StringComparer.Ordinal);
        if (config.Threads.Count == 0)
        {
            throw new ConfigException("engine.threads", "at least one thread is required");
        }

        for (int i = 0; i < config.Threads.Count; i++)
        {
            foreach (string role in config.Threads[i].AgentRoleNames)
            {
                // Files are checked while parsing; configs built in code reach here unchecked.
                if (Array.IndexOf(EngineAgentNames.All, role) < 0)
                {
                    throw new ConfigException($"engine.threads[{i}].agents", $"unknown agent '{role}'; known: {string.Join(", ", EngineAgentNames.All)}");
                }

                if (!placed.Add(role))
                {
                    throw new ConfigException($"engine.threads[{i}].agents", $"agent '{role}' is placed on more than one thread");
                }
            }
        }

        foreach (string role in EngineAgentNames.All)
        {
            if (!placed.Contains(role))
            {
                throw new ConfigException("engine.threads", $"agent '{role}' is not placed on any thread");
            }
        }

        // The journal has a single writer; every agent that journals must share its thread until the
        // engine grows a hand-off ring for journal events.
        int journalThread = -1;
        for (int i = 0; i < config.Threads.Count; i++)
        {
            foreach (string role in config.Threads[i].AgentRoleNames)
            {
                if (Array.IndexOf(EngineAgentNames.Journaling, role) < 0)
                {
                    continue;
                }

                if (journalThread >= 0 && journalThread != i)
                {
                    throw new ConfigException($"engine.threads[{i}].agents",
                        $"agent '{role}' writes the journal and must run on the same thread as the other journaling agents ({config.Threads[journalThread].Name})");
                }

                journalThread = i;
            }
        }

        return config;
    }

    /// <summary>Parses "none", "roll" or "periodic:&lt;duration&gt;".</summary>
    public static bool TryParseFsync(string text, out string mode, out long intervalNs, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        intervalNs = 0;
        error = null;
        mode = text;
        if (text is "none" or "roll")
        {
            return true;
        }

        if (text == "periodic" || text.StartsWith("periodic:", StringComparison.Ordinal))
        {
            mode = "periodic";
            string rest = text.Length > "periodic".Length && text["periodic".Length] == ':' ? text["periodic:".Length..] : "";
            if (rest.Length == 0)
            {
                intervalNs = 100_000_000;
                return true;
            }

            if (DurationText.TryParseNanos(rest, out intervalNs, out string? durationError) && intervalNs >= 1_000_000)
            {
                return true;
            }

            error = $"'{text}': periodic interval must be a duration of at least 1ms ({durationError ?? "too short"})";
            return false;
        }

        error = $"'{text}' is not one of none, roll, periodic:<duration>";
        return false;
    }

    private static void CheckRingCapacity(string key, int capacity)
    {
        if (capacity < 1024 || (capacity & (capacity - 1)) != 0)
        {
            throw new ConfigException(key, $"{capacity} must be a power of two of at least 1024");
        }
    }

    private static void RequireObject(JsonElement element, string key)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigException(key, $"must be an object, found {Describe(element)}");
        }
    }

    private static void CheckKeys(JsonElement element, string prefix, string[] known)
    {
        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                string key = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
                throw new ConfigException(key, $"unknown key; expected one of: {string.Join(", ", known)}");
            }
        }
    }

    private static string? GetString(JsonElement parent, string prefix, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ConfigException($"{prefix}.{name}", $"must be a string, found {Describe(value)}");
        }

        return value.GetString();
    }

    private static bool? GetBool(JsonElement parent, string prefix, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ConfigException($"{prefix}.{name}", $"must be true or false, found {Describe(value)}"),
        };
    }

    private static long? GetInt64(JsonElement parent, string prefix, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long result))
        {
            throw new ConfigException($"{prefix}.{name}", $"must be an integer, found {Describe(value)}");
        }

        return result;
    }

    private static int? GetInt32(JsonElement parent, string prefix, string name)
    {
        long? value = GetInt64(parent, prefix, name);
        if (value is null)
        {
            return null;
        }

        if (value < int.MinValue || value > int.MaxValue)
        {
            throw new ConfigException($"{prefix}.{name}", $"{value} is out of range for a 32-bit integer");
        }

        return (int)value.Value;
    }

    private static long? GetDuration(JsonElement parent, string prefix, string name)
    {
        string? text = GetString(parent, prefix, name);
        if (text is null)
        {
            return null;
        }

        if (!DurationText.TryParseNanos(text, out long ns, out string? error))
        {
            throw new ConfigException($"{prefix}.{name}", error);
        }

        return ns;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"string \"{element.GetString()}\"",
        JsonValueKind.Number => $"number {element.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => $"boolean {element.GetRawText()}",
        _ => "null",
    };
}
