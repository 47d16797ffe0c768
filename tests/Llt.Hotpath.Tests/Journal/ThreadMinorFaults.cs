using Microsoft.Win32.SafeHandles;

namespace Llt.Hotpath.Tests.Journal;

/// <summary>
/// The minor page faults of the thread that created it (minflt, field 10 of /proc/thread-self/stat), read
/// without allocating: the handle is opened once, each <see cref="Read"/> is a pread into a stack buffer.
/// </summary>
internal sealed class ThreadMinorFaults : IDisposable
{
    private const int MinorFaultsFieldAfterCommand = 7; // fields after "pid (comm) ": state=0 ... minflt=7

    // /proc/thread-self resolves to /proc/PID/task/TID of the opening thread; the handle stays on that thread.
    private readonly SafeFileHandle _stat = File.OpenHandle("/proc/thread-self/stat", FileMode.Open, FileAccess.Read);

    public long Read()
    {
        Span<byte> buffer = stackalloc byte[1024];
        int length = RandomAccess.Read(_stat, buffer, 0);
        ReadOnlySpan<byte> text = buffer[..length];
        // The command name may contain spaces and parentheses: the fields start after the last ") ".
        text = text[(text.LastIndexOf((byte)')') + 2)..];
        for (int field = 0; field < MinorFaultsFieldAfterCommand; field++)
        {
            text = text[(text.IndexOf((byte)' ') + 1)..];
        }

        long value = 0;
        for (int i = 0; i < text.Length && text[i] != (byte)' '; i++)
        {
            value = (value * 10) + (text[i] - (byte)'0');
        }

        return value;
    }

    public void Dispose() => _stat.Dispose();
}
