using System.Globalization;

namespace Llt.SinkBench;

/// <summary>
/// CPU time used by this process and by the server's processes (all /proc entries whose command is
/// <c>serverCommand</c>), so a run on a shared, loaded machine still says what the work cost: wall-clock rates
/// there measure the neighbours as much as the sink.
/// </summary>
internal static class ProcessCpu
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Self() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

    public static TimeSpan Server(string serverCommand)
    {
        double ticks = 0;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ... : comm may hold spaces, so fields are counted after the closing parenthesis
            int open = stat.IndexOf('(', StringComparison.Ordinal);
            int close = stat.LastIndexOf(')');
            if (open < 0 || close < open || stat[(open + 1)..close] != serverCommand)
            {
                continue;
            }

            string[] fields = stat[(close + 2)..].Split(' ');
            // after "pid (comm) ": state=0 ... utime=11, stime=12
            ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}
