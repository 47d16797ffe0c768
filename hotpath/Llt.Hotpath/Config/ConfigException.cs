namespace Llt.Hotpath.Config;

/// <summary>
/// A configuration value that cannot be used. <see cref="Key"/> is the dotted path of the offending key
/// (e.g. <c>engine.journal.segmentSize</c>) so an operator can fix the file without reading code.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string key, string problem)
        : base($"config: {key}: {problem}")
    {
        Key = key;
        Problem = problem;
    }

    public string Key { get; }

    public string Problem { get; }
}
