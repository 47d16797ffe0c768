using System.CommandLine;
using Llt.Shell.Commands;
using Llt.Shell.Commands.Feed;
using Llt.Shell.Commands.Ticks;

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
        root.Subcommands.Add(ConfigCommands.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(PortfolioCommands.CreatePositions());
        root.Subcommands.Add(PortfolioCommands.CreateOrders());
        root.Subcommands.Add(PortfolioCommands.CreatePnl());
        root.Subcommands.Add(RiskCommands.CreateRisk());
        root.Subcommands.Add(RiskCommands.CreateLimits());
        root.Subcommands.Add(StrategiesCommands.Create());
        root.Subcommands.Add(VenueCommands.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(FeedCommands.Create());
        root.Subcommands.Add(TicksCommand.Create());
        // Ctrl-C cancels the running command; `llt run` needs up to its host's shutdown timeout to stop the engine
        // and drain the sinks, so the process is not cut short after System.CommandLine's default 2 s
        ParseResult parsed = root.Parse(args);
        int exitCode = parsed.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
        // a command line that does not parse is bad usage: exit 2, as the README's exit codes say
        return parsed.Errors.Count > 0 ? 2 : exitCode;
    }
}
