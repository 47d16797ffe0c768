using Llt.Shell.Logging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Run;

/// <summary>`llt run --duration D`: stops the whole platform (engine, sinks, view) once D has elapsed.</summary>
internal sealed class RunDuration : BackgroundService
{
    private readonly RunContext _context;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;

    public RunDuration(RunContext context, IHostApplicationLifetime lifetime, ILogger<RunDuration> logger)
    {
        _context = context;
        _lifetime = lifetime;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_context.Duration is not TimeSpan duration)
        {
            return;
        }

        try
        {
            await Task.Delay(duration, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using IDisposable? scope = _logger.BeginComponent("run");
        RunLog.DurationElapsed(_logger, Durations.Format(duration));
        _lifetime.StopApplication();
    }
}
