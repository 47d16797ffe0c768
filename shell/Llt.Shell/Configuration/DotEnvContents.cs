namespace Llt.Shell.Configuration;

/// <summary>The variables a <c>.env</c> file sets, and the lines it could not read (never their values).</summary>
public sealed record DotEnvContents(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Problems);
