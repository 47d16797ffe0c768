using Microsoft.Extensions.Logging;

namespace Llt.Shell.Configuration;

/// <summary>LOG_LEVEL and LOG_FORMAT (text or json).</summary>
public sealed record LogSettings(LogLevel Level, bool Json);
