using System.CommandLine;

namespace Llt.Shell;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("llt: operate the llt low-latency trading platform");
        return root.Parse(args).Invoke();
    }
}
