using Llt.Hotpath.Config;
using Llt.Shell.Configuration;
using Llt.Shell.Hosting;

namespace Llt.Shell.Api;

/// <summary>
/// Runtime risk limits and metrics of a running platform, as the seed's API had them:
/// <c>platform.Risk.SetPositionLimit("AAPL", 5000)</c>, <c>SetVolatilityLimit</c>, <c>SetLiquidityLimit</c>,
/// <c>GetRiskMetrics()</c>. Each limit goes to the engine as an SBE SetLimit on cmd.ring and returns once the
/// engine journaled what it did with it; a refused limit throws <see cref="PlatformException"/> with the engine's
/// reason. The synchronous methods wait for that confirmation; the *Async ones do not block a thread.
/// </summary>
public sealed class RiskControls
{
    private readonly EngineConfig _engine;
    private readonly EngineControlClient _control;
    private readonly TimeSpan _timeout;

    internal RiskControls(EngineConfig engine, EngineControlClient control, TimeSpan timeout)
    {
        _engine = engine;
        _control = control;
        _timeout = timeout;
    }

    /// <summary>Most shares of <paramref name="symbol"/> held, long or short, counting open orders.</summary>
    public void SetPositionLimit(string symbol, long shares) => SetPositionLimitAsync(symbol, shares).GetAwaiter().GetResult();

    public Task SetPositionLimitAsync(string symbol, long shares, CancellationToken cancellationToken = default) =>
        SetAsync("position", symbol, shares, cancellationToken);

    /// <summary>Largest volatility of <paramref name="symbol"/>'s returns per period the engine still trades in (0.02 = 2%).</summary>
    public void SetVolatilityLimit(string symbol, decimal fraction) => SetVolatilityLimitAsync(symbol, fraction).GetAwaiter().GetResult();

    public Task SetVolatilityLimitAsync(string symbol, decimal fraction, CancellationToken cancellationToken = default) =>
        SetAsync("volatility", symbol, fraction, cancellationToken);

    /// <summary>Largest order as a fraction of <paramref name="symbol"/>'s rolling volume (0.1 = 10%).</summary>
    public void SetLiquidityLimit(string symbol, decimal fraction) => SetLiquidityLimitAsync(symbol, fraction).GetAwaiter().GetResult();

    public Task SetLiquidityLimitAsync(string symbol, decimal fraction, CancellationToken cancellationToken = default) =>
        SetAsync("liquidity", symbol, fraction, cancellationToken);

    /// <summary>Any limit the CLI knows (`llt limits set`): kind, scope (symbol, strategy, portfolio), target.</summary>
    public async Task SetLimitAsync(string kind, string scope, string? target, decimal value, CancellationToken cancellationToken = default)
    {
        LimitRequest request = LimitRequest.TryResolve(kind, scope, target, value, _engine, out string? error)
            ?? throw new PlatformException(error ?? $"limit {kind} {scope} {target} {value} is not valid");
        ControlOutcome outcome = await _control.SetLimitAsync(request, _timeout, cancellationToken).ConfigureAwait(false);
        if (!outcome.Applied)
        {
            throw new PlatformException($"{request}: {outcome}");
        }
    }

    /// <summary>The latest VaR 95/99, max drawdown and exposures the engine journaled; null before its first computation.</summary>
    public RiskMetrics? GetRiskMetrics()
    {
        using JournalProjection? projection = JournalProjection.Replay(_engine, out string? error);
        if (projection is null)
        {
            throw new PlatformException($"cannot read the journal: {error}");
        }

        RiskMetricsRow? row = projection.RiskMetrics;
        return row is null
            ? null
            : new RiskMetrics(Money(row.Var95), Money(row.Var99), Money(row.MaxDrawdown), Money(row.GrossExposure), Money(row.NetExposure),
                DateTimeOffset.UnixEpoch.AddTicks(row.TsNs / 100));
    }

    private Task SetAsync(string kind, string symbol, decimal value, CancellationToken cancellationToken) =>
        SetLimitAsync(kind, "symbol", symbol, value, cancellationToken);

    private static decimal Money(long fixedPoint) => fixedPoint / 100_000_000m;
}
