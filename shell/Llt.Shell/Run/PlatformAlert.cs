namespace Llt.Shell.Run;

/// <summary>
/// One alert for operators: <see cref="Kind"/> is <c>risk-breach</c>, <c>kill-switch</c> or <c>engine-restart</c>;
/// <see cref="Severity"/> <c>info</c>, <c>warning</c> or <c>critical</c>. Goes to the log and, when configured, the webhook.
/// </summary>
public sealed record PlatformAlert(string Kind, string Severity, string Text, DateTimeOffset Time, IReadOnlyDictionary<string, string> Fields);
