namespace Llt.Shell.Configuration;

/// <summary>A limit as written in llt.json's <c>risk.limits</c>, before it is resolved against the instruments and strategies; <see cref="Key"/> locates it for messages.</summary>
public sealed record LimitSpec(string Key, string Kind, string Scope, string? Target, decimal Value);
