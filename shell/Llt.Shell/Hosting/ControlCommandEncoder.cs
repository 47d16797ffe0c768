namespace Llt.Shell.Hosting;

/// <summary>Encodes one SBE control command carrying <paramref name="correlationId"/> into <paramref name="buffer"/>; returns its length.</summary>
public delegate int ControlCommandEncoder(long correlationId, Span<byte> buffer);
