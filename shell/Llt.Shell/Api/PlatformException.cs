namespace Llt.Shell.Api;

/// <summary>The platform could not do what was asked: bad configuration (naming the key), no engine, a refused command.</summary>
public sealed class PlatformException(string message) : Exception(message);
