using System.CommandLine;
using Llt.Shell.Commands;

namespace Llt.Shell;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("llt: run and operate the llt low-latency trading platform");
        // One line per command group; each group lives in Commands/<Name>Commands.cs with a static Create().
        root.Subcommands.Add(JournalCommands.Create(SbeJournalPayloadFormatter.ForPlatformSchema()));
        root.Subcommands.Add(RingCommands.Create());
        root.Subcommands.Add(StatCommand.Create());
        root.Subcommands.Add(KillSwitchCommands.CreateKill());
        root.Subcommands.Add(KillSwitchCommands.CreateResume());
        root.Subcommands.Add(SbeCommands.Create());
        return root.Parse(args).Invoke();
    }
}
