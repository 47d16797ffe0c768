using Llt.Hotpath.Config;
using Llt.Hotpath.Counters;
using Llt.Hotpath.Ipc;
using Llt.Shell.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Alpaca;

/// <summary>
/// Runs the Alpaca adapters of `llt run` against whichever engine process is up: waits for the engine, maps its
/// md.ring (and, when <c>venues[]</c> has an external venue named ALPACA, that venue's rings), runs the market
/// data stream (trades and quotes of every engine instrument, under the feedId of a <c>feeds[]</c> entry named
/// "alpaca", else 20) and the trading adapter, and starts over when the engine process changes (a restart
/// recreates the rings). Off unless ALPACA_API_KEY and ALPACA_SECRET_KEY are both set.
/// </summary>
public sealed class AlpacaService : BackgroundService
{
    public const byte DefaultFeedId = 20;

    private readonly EngineConfig _engine;
    private readonly AlpacaSettings _settings;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;

    public AlpacaService(EngineConfig engine, AlpacaSettings settings, ILoggerFactory loggers)
    {
        _engine = engine;
        _settings = settings;
        _loggers = loggers;
        _logger = loggers.CreateLogger<AlpacaService>();
    }

    /// <summary>The running data stream (null while no engine is up), for status and health.</summary>
    public AlpacaDataStream? Stream { get; private set; }

    public AlpacaVenueAdapter? Venue { get; private set; }

    /// <summary>Index of the external venue named ALPACA in <c>venues[]</c>, or -1.</summary>
    public static int VenueIdOf(EngineConfig engine)
    {
        for (int v = 0; v < engine.Venues.Count; v++)
        {
            if (engine.Venues[v].IsExternal && string.Equals(engine.Venues[v].Name, "ALPACA", StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return -1;
    }

    public static byte FeedIdOf(EngineConfig engine)
    {
        foreach (FeedLineConfig feed in engine.Feeds)
        {
            if (string.Equals(feed.Name, "alpaca", StringComparison.OrdinalIgnoreCase))
            {
                return (byte)feed.Id;
            }
        }

        return DefaultFeedId;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string[] symbols = [.. _engine.Instruments.Select(i => i.Symbol)];
        while (!stoppingToken.IsCancellationRequested)
        {
            long pid = await WaitForEngineAsync(stoppingToken).ConfigureAwait(false);
            if (pid == 0)
            {
                return;
            }

            using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var files = new List<RingBufferFile>();
            try
            {
                RingBufferFile md = RingBufferFile.Open(_engine.MdRingPath);
                files.Add(md);
                Stream = new AlpacaDataStream(
                    new AlpacaStreamOptions
                    {
                        Url = _settings.DataStreamUrl,
                        Format = _settings.DataStreamFormat,
                        KeyId = _settings.ApiKey,
                        SecretKey = _settings.SecretKey,
                        Trades = symbols,
                        Quotes = symbols,
                        FeedId = FeedIdOf(_engine),
                    },
                    new AlpacaTickPublisher(new ManyToOneRingBuffer(md.Buffer), symbols, FeedIdOf(_engine)),
                    _loggers.CreateLogger<AlpacaDataStream>());
                await Stream.StartAsync(session.Token).ConfigureAwait(false);

                int venueId = VenueIdOf(_engine);
                AlpacaTradingClient? client = null;
                if (venueId >= 0)
                {
                    RingBufferFile venueOut = RingBufferFile.Open(_engine.VenueOutRingPath(venueId));
                    files.Add(venueOut);
                    RingBufferFile venuesIn = RingBufferFile.Open(_engine.VenueInRingPath);
                    files.Add(venuesIn);
                    client = new AlpacaTradingClient(_settings.BaseUrl, _settings.ApiKey, _settings.SecretKey);
                    Venue = new AlpacaVenueAdapter(
                        new AlpacaVenueOptions { VenueId = venueId, BaseUrl = _settings.BaseUrl, KeyId = _settings.ApiKey, SecretKey = _settings.SecretKey },
                        new OneToOneRingBuffer(venueOut.Buffer), new ManyToOneRingBuffer(venuesIn.Buffer), symbols, client, _loggers.CreateLogger<AlpacaVenueAdapter>());
                    await Venue.StartAsync(session.Token).ConfigureAwait(false);
                }

                // the rings belong to this engine process: when it goes, stop before its successor recreates them
                while (!stoppingToken.IsCancellationRequested && EnginePid() == pid)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false);
                }

                await StopAsync(client).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await StopAsync(null).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                _logger.LogWarning("alpaca: engine rings not usable yet ({Reason}); retrying", e.Message);
                await StopAsync(null).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                foreach (RingBufferFile file in files)
                {
                    file.Dispose();
                }
            }
        }
    }

    private async Task StopAsync(AlpacaTradingClient? client)
    {
        if (Venue is not null)
        {
            await Venue.StopAsync(CancellationToken.None).ConfigureAwait(false);
            Venue.Dispose();
            Venue = null;
        }

        if (Stream is not null)
        {
            await Stream.StopAsync(CancellationToken.None).ConfigureAwait(false);
            Stream.Dispose();
            Stream = null;
        }

        client?.Dispose();
    }

    private async Task<long> WaitForEngineAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            long pid = EnginePid();
            if (pid != 0 && Hosting.EngineLiveness.IsRunning(_engine, out _))
            {
                return pid;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }

        return 0;
    }

    private long EnginePid()
    {
        if (!CountersReader.TryOpen(_engine.CountersPath, out CountersReader? reader, out _))
        {
            return 0;
        }

        using (reader)
        {
            return CountersReader.IsProcessRunning(reader.WriterPid) ? reader.WriterPid : 0;
        }
    }
}
