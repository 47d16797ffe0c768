using System.Text.RegularExpressions;

namespace Llt.Hotpath.Tests.Runtime;

public sealed partial class TuningCheckTests
{
    public static readonly string[] Topics =
    [
        "kernel", "isolcpus", "nohz_full", "rcu_nocbs", "isolated", "governor", "frequency", "turbo", "cstates",
        "smt", "thp-enabled", "thp-defrag", "hugepages", "swap", "swappiness", "memlock", "numa", "irq-affinity",
        "irqbalance", "clocksource", "stat-interval", "timer-migration",
    ];

    [Fact]
    public void Check_OnThisHost_ExitsZeroAndPrintsOneVerdictLinePerTopic()
    {
        (int exitCode, string output) = TuningScripts.Run("check");

        Assert.True(exitCode == 0, output);
        Dictionary<string, string> verdicts = ParseVerdicts(output);
        foreach (string topic in Topics)
        {
            Assert.True(verdicts.ContainsKey(topic), $"no verdict line for '{topic}' in:\n{output}");
        }

        Assert.Equal(Topics.Length, verdicts.Count);
        Assert.Matches(SummaryLine(), output);
    }

    [Fact]
    public void CheckStrict_OnThisHost_FailsExactlyWhenAVerdictIsFail()
    {
        (int exitCode, string output) = TuningScripts.Run("check", null, "--strict");

        bool anyFail = ParseVerdicts(output).ContainsValue("FAIL");
        Assert.True(exitCode == (anyFail ? 1 : 0), output);
    }

    [Fact]
    public void Check_OnAnEmptyHost_PrintsNotApplicableInsteadOfCrashing()
    {
        using var host = new FakeHostTree();

        (int exitCode, string output) = TuningScripts.Run("check", host.Environment, "--strict");

        Assert.True(exitCode == 0, output);
        Dictionary<string, string> verdicts = ParseVerdicts(output);
        Assert.Equal(Topics.Order(), verdicts.Keys.Order());
        foreach (string topic in new[] { "isolated", "governor", "frequency", "turbo", "cstates", "smt", "thp-enabled", "thp-defrag", "hugepages", "swap", "irq-affinity", "clocksource", "stat-interval", "timer-migration" })
        {
            Assert.True(verdicts[topic] == "N/A", $"{topic} should be N/A on an empty host:\n{output}");
        }
    }

    [Fact]
    public void Check_OnAMistunedHost_FailsIsolationAndClockWithAFix_AndStrictExitsOne()
    {
        using var host = MistunedHost();

        (int exitCode, string output) = TuningScripts.Run("check", host.Environment);
        (int strictExitCode, _) = TuningScripts.Run("check", host.Environment, "--strict");

        Assert.True(exitCode == 0, output);
        Assert.Equal(1, strictExitCode);
        Dictionary<string, string> verdicts = ParseVerdicts(output);
        Assert.Equal("OK", verdicts["isolcpus"]);
        Assert.Equal("FAIL", verdicts["irq-affinity"]);
        Assert.Equal("FAIL", verdicts["clocksource"]);
        Assert.Equal("FAIL", verdicts["thp-defrag"]);
        Assert.Equal("WARN", verdicts["governor"]);
        Assert.Equal("WARN", verdicts["turbo"]);
        Assert.Equal("WARN", verdicts["cstates"]);
        Assert.Equal("WARN", verdicts["smt"]);
        Assert.Equal("WARN", verdicts["swap"]);
        Assert.Contains("irq-affinity     1 of 2 IRQs may fire on isolated CPUs 2-3 (e.g. 5->0-3) -> fix: tuning/apply --apply (moves them to 0-1)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DryRun_ListsEveryChangeAndWritesNothing()
    {
        using var host = MistunedHost();

        (int exitCode, string output) = TuningScripts.Run("apply", host.Environment);

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("[applied]", output, StringComparison.Ordinal);
        Assert.Contains("would write performance to", output, StringComparison.Ordinal);
        Assert.Contains("would write madvise to " + host.SysKernelMm + "/transparent_hugepage/enabled (now always)", output, StringComparison.Ordinal);
        Assert.Contains("would write madvise to " + host.SysKernelMm + "/transparent_hugepage/defrag (now always)", output, StringComparison.Ordinal);
        Assert.Contains("would write 3 to " + host.Proc + "/irq/default_smp_affinity (now f)", output, StringComparison.Ordinal);
        Assert.Contains("would write 0-1 to " + host.Proc + "/irq/5/smp_affinity_list (now 0-3)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("/irq/9/", output, StringComparison.Ordinal);
        Assert.Contains("would write 10 to " + host.Proc + "/sys/vm/swappiness (now 60)", output, StringComparison.Ordinal);
        Assert.Contains("would write 0 to " + host.Proc + "/sys/kernel/timer_migration (now 1)", output, StringComparison.Ordinal);
        Assert.Contains("would write 10 to " + host.Proc + "/sys/vm/stat_interval (now 1)", output, StringComparison.Ordinal);
        Assert.Equal("0-3", host.Read("proc/irq/5/smp_affinity_list"));
        Assert.Equal("60", host.Read("proc/sys/vm/swappiness"));
    }

    [Fact]
    public void Apply_DryRun_OnThisHost_ExitsZeroAndChangesNothing()
    {
        string swappinessBefore = File.ReadAllText("/proc/sys/vm/swappiness");

        (int exitCode, string output) = TuningScripts.Run("apply");

        Assert.True(exitCode == 0, output);
        Assert.Contains("(dry-run)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[applied]", output, StringComparison.Ordinal);
        Assert.Equal(swappinessBefore, File.ReadAllText("/proc/sys/vm/swappiness"));
    }

    [Fact]
    public void Scripts_RejectUnknownArguments()
    {
        Assert.Equal(2, TuningScripts.Run("check", null, "--bogus").ExitCode);
        Assert.Equal(2, TuningScripts.Run("apply", null, "--bogus").ExitCode);
    }

    private static FakeHostTree MistunedHost()
    {
        var host = new FakeHostTree();
        host.Write("proc/cmdline", "BOOT_IMAGE=/vmlinuz isolcpus=managed_irq,domain,2-3 nohz_full=2-3 quiet")
            .Write("proc/irq/5/smp_affinity_list", "0-3")
            .Write("proc/irq/9/smp_affinity_list", "0")
            .Write("proc/irq/default_smp_affinity", "0000000f")
            .Write("proc/sys/vm/swappiness", "60")
            .Write("proc/sys/vm/stat_interval", "1")
            .Write("proc/sys/kernel/timer_migration", "1")
            .Write("proc/swaps", "Filename Type Size Used Priority\n/swap.img file 1 0 -2")
            .Write("proc/meminfo", "HugePages_Total: 0\nHugePages_Free: 0\nHugepagesize: 2048 kB")
            .Write("sys/devices/system/cpu/online", "0-3")
            .Write("sys/devices/system/cpu/isolated", "2-3")
            .Write("sys/devices/system/cpu/intel_pstate/no_turbo", "0")
            .Write("sys/devices/system/cpu/cpuidle/current_driver", "intel_idle")
            .Write("sys/devices/system/cpu/cpu0/cpuidle/state0/name", "POLL")
            .Write("sys/devices/system/cpu/cpu0/cpuidle/state0/latency", "0")
            .Write("sys/devices/system/cpu/cpu0/cpuidle/state0/disable", "0")
            .Write("sys/devices/system/cpu/cpu0/cpuidle/state1/name", "C6")
            .Write("sys/devices/system/cpu/cpu0/cpuidle/state1/latency", "133")
            .Write("sys/devices/system/cpu/cpu0/cpuidle/state1/disable", "0")
            .Write("sys/devices/system/clocksource/clocksource0/current_clocksource", "hpet")
            .Write("sys/devices/system/clocksource/clocksource0/available_clocksource", "hpet acpi_pm")
            .Write("sys/devices/system/node/node0/cpulist", "0-3")
            .Write("sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never")
            .Write("sys/kernel/mm/transparent_hugepage/defrag", "[always] defer defer+madvise madvise never");
        for (int cpu = 0; cpu < 4; cpu++)
        {
            host.Write($"sys/devices/system/cpu/cpu{cpu}/cpufreq/scaling_governor", "powersave")
                .Write($"sys/devices/system/cpu/cpu{cpu}/cpufreq/scaling_available_governors", "performance powersave")
                .Write($"sys/devices/system/cpu/cpu{cpu}/topology/thread_siblings_list", cpu % 2 == 0 ? "0,2" : "1,3");
        }

        return host;
    }

    private static Dictionary<string, string> ParseVerdicts(string output)
    {
        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in VerdictLine().Matches(output))
        {
            verdicts.Add(match.Groups["topic"].Value, match.Groups["verdict"].Value);
        }

        return verdicts;
    }

    [GeneratedRegex(@"^(?<verdict>OK|WARN|FAIL|N/A) +(?<topic>[a-z_-]+) +\S", RegexOptions.Multiline)]
    private static partial Regex VerdictLine();

    [GeneratedRegex(@"^summary: \d+ OK, \d+ WARN, \d+ FAIL, \d+ N/A$", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
