namespace Llt.Shell.Health;

/// <summary>One component's health: <see cref="Healthy"/> or not, with why (shown in /health).</summary>
public sealed record HealthCheck(string Component, bool Healthy, string Detail);
