namespace Llt.Shell.Logging;

/// <summary>The last few log lines (scrubbed), for the live view's event panel while the console belongs to the view.</summary>
public sealed class RecentLogLines
{
    private readonly int _capacity;
    private readonly Queue<string> _lines = new();

    public RecentLogLines(int capacity = 8)
    {
        _capacity = capacity;
    }

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }
}
