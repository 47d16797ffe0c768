using System.Globalization;
using Llt.Hotpath.Config;

namespace Llt.Shell.Configuration;

/// <summary>
/// Builds a <see cref="PlatformConfiguration"/>: llt.json (<c>--config</c>, else ./llt.json, else the embedded
/// defaults), the <c>.env</c> file (<c>--env-file</c>, else ./.env when present), and the environment, which wins
/// over .env. Every problem is collected with the key it concerns; nothing throws for bad input.
/// </summary>
public static class PlatformConfigurationLoader
{
    public const string DefaultDotEnvFile = ".env";

    public static PlatformConfiguration Load(string? configPath, string? dotEnvPath, IReadOnlyDictionary<string, string> environment)
    {
        var problems = new List<SettingProblem>();
        PlatformConfigFile? file = null;
        string? resolvedConfig = PlatformConfigFile.ResolvePath(configPath);
        try
        {
            file = PlatformConfigFile.Load(resolvedConfig);
        }
        catch (ConfigException e)
        {
            problems.Add(new SettingProblem($"{resolvedConfig ?? PlatformConfigFile.DefaultFileName}: {e.Key}", e.Problem));
        }

        string? envFile = dotEnvPath ?? (File.Exists(DefaultDotEnvFile) ? DefaultDotEnvFile : null);
        IReadOnlyDictionary<string, string> dotEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        if (envFile is not null)
        {
            if (!File.Exists(envFile))
            {
                problems.Add(new SettingProblem("--env-file", $"{envFile} does not exist"));
            }
            else
            {
                DotEnvContents contents = DotEnvFile.Load(envFile);
                dotEnv = contents.Values;
                problems.AddRange(contents.Problems.Select(p => new SettingProblem(".env", p)));
            }
        }

        LayeredSettings settings = LayeredSettings.Create(file?.ShellValues ?? new Dictionary<string, string>(), dotEnv, environment);
        PlatformSettings? typed = PlatformSettingsReader.Read(settings, problems);
        var limits = new List<LimitRequest>();
        if (file is not null)
        {
            AddConfiguredLimits(file, limits, problems);
            if (typed is not null)
            {
                AddEnvironmentLimits(file.Engine, typed.Risk, limits, problems);
            }
        }

        return new PlatformConfiguration(file, settings, typed, limits, problems, envFile);
    }

    private static void AddConfiguredLimits(PlatformConfigFile file, List<LimitRequest> limits, List<SettingProblem> problems)
    {
        foreach (LimitSpec spec in file.Limits)
        {
            LimitRequest? request = LimitRequest.TryResolve(spec.Kind, spec.Scope, spec.Target, spec.Value, file.Engine, out string? error);
            if (request is null)
            {
                problems.Add(new SettingProblem($"{file.Path}: {spec.Key}", error!));
            }
            else
            {
                limits.Add(request);
            }
        }
    }

    /// <summary>
    /// MAX_POSITION_SIZE becomes a position limit on every configured symbol, MAX_DAILY_LOSS the portfolio's
    /// daily-loss limit, MAX_ORDERS_PER_SECOND the portfolio's order-rate limit.
    /// </summary>
    private static void AddEnvironmentLimits(EngineConfig engine, RiskEnvSettings risk, List<LimitRequest> limits, List<SettingProblem> problems)
    {
        if (risk.MaxPositionSize is long position)
        {
            foreach (InstrumentConfig instrument in engine.Instruments)
            {
                Add(SettingCatalog.MaxPositionSize, "position", "symbol", instrument.Symbol, position);
            }
        }

        if (risk.MaxDailyLoss is decimal loss)
        {
            Add(SettingCatalog.MaxDailyLoss, "daily-loss", "portfolio", null, loss);
        }

        if (risk.MaxOrdersPerSecond is long rate)
        {
            Add(SettingCatalog.MaxOrdersPerSecond, "order-rate", "portfolio", null, rate);
        }

        void Add(string key, string kind, string scope, string? target, decimal value)
        {
            LimitRequest? request = LimitRequest.TryResolve(kind, scope, target, value, engine, out string? error);
            if (request is null)
            {
                problems.Add(new SettingProblem(key, $"{value.ToString(CultureInfo.InvariantCulture)}: {error}"));
            }
            else
            {
                limits.Add(request);
            }
        }
    }
}
