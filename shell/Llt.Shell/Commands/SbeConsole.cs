namespace Llt.Shell.Commands;

/// <summary>
/// The byte streams and error writer <c>llt sbe</c> uses. SBE input and output are binary, so the commands read and
/// write streams rather than <see cref="Console.In"/>/<see cref="Console.Out"/>; tests pass memory streams.
/// </summary>
public sealed class SbeConsole
{
    private readonly Func<Stream> _openInput;
    private readonly Func<Stream> _openOutput;

    public SbeConsole(Func<Stream> openInput, Func<Stream> openOutput, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(openInput);
        ArgumentNullException.ThrowIfNull(openOutput);
        ArgumentNullException.ThrowIfNull(error);
        _openInput = openInput;
        _openOutput = openOutput;
        Error = error;
    }

    /// <summary>The process's stdin, stdout and stderr.</summary>
    public static SbeConsole Standard() => new SbeConsole(Console.OpenStandardInput, Console.OpenStandardOutput, Console.Error);

    public TextWriter Error { get; }

    public Stream OpenInput() => _openInput();

    public Stream OpenOutput() => _openOutput();
}
