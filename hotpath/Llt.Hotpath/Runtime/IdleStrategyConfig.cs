using System.Diagnostics.CodeAnalysis;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// An idle strategy as data, parsed and validated once from the engine config, then turned into a fresh
/// strategy per thread with <see cref="CreateStrategy"/>. Accepted forms (case-insensitive names):
/// <list type="bullet">
/// <item><c>busy-spin</c>, <c>yield</c>, <c>noop</c></item>
/// <item><c>sleep</c> or <c>sleep:1ms</c> (period; default 1ms)</item>
/// <item><c>backoff</c> or <c>backoff:spins=100,yields=10,minPark=1us,maxPark=1ms</c> (any subset; defaults
/// as <see cref="BackoffIdleStrategy"/>)</item>
/// </list>
/// Durations take a unit: ns, us/µs, ms, s. <see cref="ToString"/> gives the canonical form, which parses back.
/// </summary>
public sealed class IdleStrategyConfig
{
    public const string ExpectedForms =
        "expected busy-spin, yield, noop, sleep[:<duration>] or backoff[:spins=<n>,yields=<n>,minPark=<duration>,maxPark=<duration>] with durations like 250ns, 1us, 1ms, 1s";

    public static readonly IdleStrategyConfig BusySpin = new(IdleStrategyKind.BusySpin, 0, 0, 0, 0, 0);
    public static readonly IdleStrategyConfig Yield = new(IdleStrategyKind.Yield, 0, 0, 0, 0, 0);
    public static readonly IdleStrategyConfig NoOp = new(IdleStrategyKind.NoOp, 0, 0, 0, 0, 0);

    private IdleStrategyConfig(IdleStrategyKind kind, long sleepPeriodNs, long maxSpins, long maxYields, long minParkPeriodNs, long maxParkPeriodNs)
    {
        Kind = kind;
        SleepPeriodNs = sleepPeriodNs;
        MaxSpins = maxSpins;
        MaxYields = maxYields;
        MinParkPeriodNs = minParkPeriodNs;
        MaxParkPeriodNs = maxParkPeriodNs;
    }

    public IdleStrategyKind Kind { get; }

    /// <summary>Park period of <see cref="IdleStrategyKind.Sleep"/>; 0 for other kinds.</summary>
    public long SleepPeriodNs { get; }

    public long MaxSpins { get; }

    public long MaxYields { get; }

    public long MinParkPeriodNs { get; }

    public long MaxParkPeriodNs { get; }

    public static IdleStrategyConfig Sleep(long sleepPeriodNs = SleepingIdleStrategy.DefaultSleepPeriodNs)
    {
        if (sleepPeriodNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(sleepPeriodNs), sleepPeriodNs, "sleep period must be positive");
        }

        return new IdleStrategyConfig(IdleStrategyKind.Sleep, sleepPeriodNs, 0, 0, 0, 0);
    }

    public static IdleStrategyConfig Backoff(
        long maxSpins = BackoffIdleStrategy.DefaultMaxSpins,
        long maxYields = BackoffIdleStrategy.DefaultMaxYields,
        long minParkPeriodNs = BackoffIdleStrategy.DefaultMinParkPeriodNs,
        long maxParkPeriodNs = BackoffIdleStrategy.DefaultMaxParkPeriodNs)
    {
        string? error = ValidateBackoff(maxSpins, maxYields, minParkPeriodNs, maxParkPeriodNs);
        if (error is not null)
        {
            ThrowHelper.ThrowArgument(nameof(maxSpins), error);
        }

        return new IdleStrategyConfig(IdleStrategyKind.Backoff, 0, maxSpins, maxYields, minParkPeriodNs, maxParkPeriodNs);
    }

    /// <summary>Parses a strategy string; throws <see cref="FormatException"/> whose message names the value.</summary>
    public static IdleStrategyConfig Parse(string text)
    {
        if (!TryParse(text, out IdleStrategyConfig? config, out string? error))
        {
            ThrowHelper.ThrowFormat(error);
        }

        return config;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out IdleStrategyConfig? config, [NotNullWhen(false)] out string? error)
    {
        config = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"idle strategy \"{text}\" is not valid: it is empty; {ExpectedForms}";
            return false;
        }

        ReadOnlySpan<char> span = text.AsSpan().Trim();
        int colon = span.IndexOf(':');
        ReadOnlySpan<char> name = (colon < 0 ? span : span[..colon]).Trim();
        ReadOnlySpan<char> arguments = colon < 0 ? [] : span[(colon + 1)..].Trim();
        bool hasArguments = colon >= 0;
        string? reason;

        if (Is(name, "busy-spin") || Is(name, "yield") || Is(name, "noop"))
        {
            if (hasArguments)
            {
                reason = $"\"{name}\" takes no arguments";
            }
            else
            {
                config = Is(name, "busy-spin") ? BusySpin : Is(name, "yield") ? Yield : NoOp;
                error = null;
                return true;
            }
        }
        else if (Is(name, "sleep"))
        {
            reason = ParseSleep(arguments, hasArguments, out config);
        }
        else if (Is(name, "backoff"))
        {
            reason = ParseBackoff(arguments, hasArguments, out config);
        }
        else
        {
            reason = $"unknown strategy \"{name}\"";
        }

        if (reason is null && config is not null)
        {
            error = null;
            return true;
        }

        config = null;
        reason ??= "it could not be parsed";
        error = $"idle strategy \"{text}\" is not valid: {reason}; {ExpectedForms}";
        return false;
    }

    /// <summary>A new strategy instance (strategies hold per-thread state, so each thread gets its own).</summary>
    public IIdleStrategy CreateStrategy(IThreadParker? parker = null)
    {
        return Kind switch
        {
            // Stateless strategies are shared; the stateful ones get an instance per thread.
            IdleStrategyKind.BusySpin => BusySpinIdleStrategy.Instance,
            IdleStrategyKind.Yield => YieldingIdleStrategy.Instance,
            IdleStrategyKind.Sleep => new SleepingIdleStrategy(SleepPeriodNs, parker),
            IdleStrategyKind.Backoff => new BackoffIdleStrategy(MaxSpins, MaxYields, MinParkPeriodNs, MaxParkPeriodNs, parker),
            _ => NoOpIdleStrategy.Instance,
        };
    }

    public override string ToString()
    {
        return Kind switch
        {
            IdleStrategyKind.BusySpin => "busy-spin",
            IdleStrategyKind.Yield => "yield",
            IdleStrategyKind.Sleep => "sleep:" + DurationText.FormatNanos(SleepPeriodNs),
            IdleStrategyKind.Backoff => $"backoff:spins={MaxSpins},yields={MaxYields},minPark={DurationText.FormatNanos(MinParkPeriodNs)},maxPark={DurationText.FormatNanos(MaxParkPeriodNs)}",
            _ => "noop",
        };
    }

    private static string? ParseSleep(ReadOnlySpan<char> arguments, bool hasArguments, out IdleStrategyConfig? config)
    {
        config = null;
        long periodNs = SleepingIdleStrategy.DefaultSleepPeriodNs;
        if (hasArguments && !DurationText.TryParseNanos(arguments, out periodNs, out string? durationError))
        {
            return durationError;
        }

        if (periodNs <= 0)
        {
            return "sleep period must be positive";
        }

        config = new IdleStrategyConfig(IdleStrategyKind.Sleep, periodNs, 0, 0, 0, 0);
        return null;
    }

    private static string? ParseBackoff(ReadOnlySpan<char> arguments, bool hasArguments, out IdleStrategyConfig? config)
    {
        config = null;
        long maxSpins = BackoffIdleStrategy.DefaultMaxSpins;
        long maxYields = BackoffIdleStrategy.DefaultMaxYields;
        long minParkNs = BackoffIdleStrategy.DefaultMinParkPeriodNs;
        long maxParkNs = BackoffIdleStrategy.DefaultMaxParkPeriodNs;
        bool seenSpins = false, seenYields = false, seenMinPark = false, seenMaxPark = false;

        if (hasArguments)
        {
            foreach (Range range in arguments.Split(','))
            {
                ReadOnlySpan<char> pair = arguments[range].Trim();
                int equals = pair.IndexOf('=');
                if (equals <= 0)
                {
                    return $"backoff parameter \"{pair}\" is not key=value";
                }

                ReadOnlySpan<char> key = pair[..equals].Trim();
                ReadOnlySpan<char> value = pair[(equals + 1)..].Trim();
                string? error;
                if (Is(key, "spins"))
                {
                    error = Once(ref seenSpins, key) ?? ParseCount(key, value, out maxSpins);
                }
                else if (Is(key, "yields"))
                {
                    error = Once(ref seenYields, key) ?? ParseCount(key, value, out maxYields);
                }
                else if (Is(key, "minPark"))
                {
                    error = Once(ref seenMinPark, key) ?? (DurationText.TryParseNanos(value, out minParkNs, out string? e) ? null : $"minPark: {e}");
                }
                else if (Is(key, "maxPark"))
                {
                    error = Once(ref seenMaxPark, key) ?? (DurationText.TryParseNanos(value, out maxParkNs, out string? e) ? null : $"maxPark: {e}");
                }
                else
                {
                    error = $"unknown backoff parameter \"{key}\" (use spins, yields, minPark, maxPark)";
                }

                if (error is not null)
                {
                    return error;
                }
            }
        }

        string? invalid = ValidateBackoff(maxSpins, maxYields, minParkNs, maxParkNs);
        if (invalid is not null)
        {
            return invalid;
        }

        config = new IdleStrategyConfig(IdleStrategyKind.Backoff, 0, maxSpins, maxYields, minParkNs, maxParkNs);
        return null;
    }

    private static string? ValidateBackoff(long maxSpins, long maxYields, long minParkPeriodNs, long maxParkPeriodNs)
    {
        if (maxSpins < 0 || maxYields < 0)
        {
            return "spins and yields must not be negative";
        }

        if (minParkPeriodNs <= 0)
        {
            return "minPark must be positive";
        }

        if (maxParkPeriodNs < minParkPeriodNs)
        {
            return $"maxPark ({DurationText.FormatNanos(maxParkPeriodNs)}) must not be less than minPark ({DurationText.FormatNanos(minParkPeriodNs)})";
        }

        return null;
    }

    private static string? Once(ref bool seen, ReadOnlySpan<char> key)
    {
        if (seen)
        {
            return $"backoff parameter \"{key}\" is given twice";
        }

        seen = true;
        return null;
    }

    private static string? ParseCount(ReadOnlySpan<char> key, ReadOnlySpan<char> value, out long count)
    {
        if (value.IsEmpty || value.ContainsAnyExceptInRange('0', '9') || !long.TryParse(value, out count))
        {
            count = 0;
            return $"{key} \"{value}\" is not a non-negative whole number";
        }

        return null;
    }

    private static bool Is(ReadOnlySpan<char> text, string name)
    {
        return text.Equals(name, StringComparison.OrdinalIgnoreCase);
    }
}
