using System.Text;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// An immutable, sorted set of CPU numbers in the kernel's list format ("2,4-6"), as used by
/// <c>isolcpus</c>, <c>taskset -c</c>, <c>/sys/devices/system/cpu/isolated</c> and the engine config.
/// </summary>
public sealed class CpuSet : IEquatable<CpuSet>
{
    /// <summary>The size of glibc's <c>cpu_set_t</c>; CPUs at or above it cannot be named.</summary>
    public const int MaxCpus = 1024;

    public static readonly CpuSet Empty = new([]);

    private readonly int[] _cpus;

    private CpuSet(int[] sortedDistinctCpus)
    {
        _cpus = sortedDistinctCpus;
    }

    public int Count => _cpus.Length;

    public bool IsEmpty => _cpus.Length == 0;

    /// <summary>The CPUs in ascending order.</summary>
    public ReadOnlySpan<int> Cpus => _cpus;

    public int this[int index] => _cpus[index];

    public static CpuSet Of(params ReadOnlySpan<int> cpus)
    {
        var list = new List<int>(cpus.Length);
        foreach (int cpu in cpus)
        {
            if ((uint)cpu >= MaxCpus)
            {
                ThrowHelper.ThrowArgumentOutOfRange(nameof(cpus), cpu, $"CPU numbers must be in 0..{MaxCpus - 1}");
            }

            list.Add(cpu);
        }

        return FromList(list);
    }

    /// <summary>Parses "2,4-6" (whitespace around items allowed); throws <see cref="FormatException"/> naming the value.</summary>
    public static CpuSet Parse(string text)
    {
        if (!TryParse(text, out CpuSet? set, out string? error))
        {
            ThrowHelper.ThrowFormat(error);
        }

        return set;
    }

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CpuSet? set, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        set = null;
        if (text is null)
        {
            error = "CPU list is null";
            return false;
        }

        var cpus = new List<int>();
        ReadOnlySpan<char> remaining = text.AsSpan().Trim();
        if (remaining.IsEmpty)
        {
            set = Empty;
            error = null;
            return true;
        }

        foreach (Range itemRange in remaining.Split(','))
        {
            ReadOnlySpan<char> item = remaining[itemRange].Trim();
            int dash = item.IndexOf('-');
            int first;
            int last;
            if (dash < 0)
            {
                if (!TryParseCpu(item, out first))
                {
                    error = Invalid(text, item, "not a CPU number in range");
                    return false;
                }

                last = first;
            }
            else
            {
                if (!TryParseCpu(item[..dash].Trim(), out first) || !TryParseCpu(item[(dash + 1)..].Trim(), out last))
                {
                    error = Invalid(text, item, "not a range like 4-6");
                    return false;
                }

                if (last < first)
                {
                    error = Invalid(text, item, "range ends before it starts");
                    return false;
                }
            }

            for (int cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        set = FromList(cpus);
        error = null;
        return true;
    }

    public bool Contains(int cpu)
    {
        return Array.BinarySearch(_cpus, cpu) >= 0;
    }

    /// <summary>Whether every CPU of this set is also in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(CpuSet other)
    {
        foreach (int cpu in _cpus)
        {
            if (!other.Contains(cpu))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The canonical list form with runs collapsed: {2,4,5,6} → "2,4-6".</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        int i = 0;
        while (i < _cpus.Length)
        {
            int runEnd = i;
            while (runEnd + 1 < _cpus.Length && _cpus[runEnd + 1] == _cpus[runEnd] + 1)
            {
                runEnd++;
            }

            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(_cpus[i]);
            if (runEnd > i)
            {
                builder.Append('-').Append(_cpus[runEnd]);
            }

            i = runEnd + 1;
        }

        return builder.ToString();
    }

    public bool Equals(CpuSet? other)
    {
        return other is not null && _cpus.AsSpan().SequenceEqual(other._cpus);
    }

    public override bool Equals(object? obj)
    {
        return Equals(obj as CpuSet);
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int cpu in _cpus)
        {
            hash.Add(cpu);
        }

        return hash.ToHashCode();
    }

    internal static CpuSet FromList(List<int> cpus)
    {
        cpus.Sort();
        int write = 0;
        for (int read = 0; read < cpus.Count; read++)
        {
            if (write == 0 || cpus[read] != cpus[write - 1])
            {
                cpus[write++] = cpus[read];
            }
        }

        return write == 0 ? Empty : new CpuSet(cpus.GetRange(0, write).ToArray());
    }

    private static bool TryParseCpu(ReadOnlySpan<char> text, out int cpu)
    {
        // Digits only: int.TryParse alone would accept signs and "+3" is not a CPU list item the kernel accepts.
        if (text.IsEmpty || text.ContainsAnyExceptInRange('0', '9'))
        {
            cpu = 0;
            return false;
        }

        return int.TryParse(text, out cpu) && cpu < MaxCpus;
    }

    private static string Invalid(string text, ReadOnlySpan<char> item, string reason)
    {
        return $"CPU list \"{text}\" is not valid at \"{item}\": {reason} (expected items like 2 or 4-6 in 0..{MaxCpus - 1}, separated by commas)";
    }
}
