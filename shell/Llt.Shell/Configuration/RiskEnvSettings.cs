namespace Llt.Shell.Configuration;

/// <summary>
/// The seed's risk variables, applied to the running engine with SetLimit commands after it starts (the engine
/// reads only llt.json). Null = not set. <see cref="MaxDailyLoss"/> is currency.
/// </summary>
public sealed record RiskEnvSettings(long? MaxPositionSize, decimal? MaxDailyLoss, long? MaxOrdersPerSecond);
