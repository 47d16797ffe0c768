namespace Llt.Hotpath.Runtime;

/// <summary>
/// One engine thread as configured: its name, the CPUs it is pinned to (empty for none), its idle strategy
/// and the role names of the agents it runs (one agent, or several as a <see cref="CompositeAgent"/> in
/// the order given). The engine-config loader fills these; validation happens here, once.
/// </summary>
/// <example>
/// <code>
/// var trader = AgentThreadConfig.Parse("trader", cpuList: "2", idleStrategy: "busy-spin", "feed", "trader", "gateway");
/// using var runner = AgentRunner.Create(trader, new CompositeAgent(feed, strategy, gateway), errors);
/// </code>
/// </example>
public sealed class AgentThreadConfig
{
    private readonly string[] _agentRoleNames;

    public AgentThreadConfig(string name, CpuSet cpus, IdleStrategyConfig idleStrategy, IReadOnlyList<string> agentRoleNames)
    {
        ArgumentNullException.ThrowIfNull(cpus);
        ArgumentNullException.ThrowIfNull(idleStrategy);
        ArgumentNullException.ThrowIfNull(agentRoleNames);
        if (string.IsNullOrWhiteSpace(name))
        {
            ThrowHelper.ThrowArgument(nameof(name), "an agent thread needs a name");
        }

        if (agentRoleNames.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(agentRoleNames), $"agent thread '{name}' has no agents");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string role in agentRoleNames)
        {
            if (string.IsNullOrWhiteSpace(role))
            {
                ThrowHelper.ThrowArgument(nameof(agentRoleNames), $"agent thread '{name}' has an empty agent role name");
            }

            if (!seen.Add(role))
            {
                ThrowHelper.ThrowArgument(nameof(agentRoleNames), $"agent thread '{name}' lists agent '{role}' twice");
            }
        }

        Name = name;
        Cpus = cpus;
        IdleStrategy = idleStrategy;
        _agentRoleNames = [.. agentRoleNames];
    }

    /// <summary>Thread name; the kernel shows its first 15 bytes (<see cref="NativeThread.KernelName"/>).</summary>
    public string Name { get; }

    /// <summary>CPUs to pin to; empty means the thread is not pinned.</summary>
    public CpuSet Cpus { get; }

    public IdleStrategyConfig IdleStrategy { get; }

    public IReadOnlyList<string> AgentRoleNames => _agentRoleNames;

    /// <summary>Builds a config from the strings a config file holds; bad values throw <see cref="FormatException"/> naming them.</summary>
    public static AgentThreadConfig Parse(string name, string cpuList, string idleStrategy, params string[] agentRoleNames)
    {
        return new AgentThreadConfig(name, CpuSet.Parse(cpuList), IdleStrategyConfig.Parse(idleStrategy), agentRoleNames);
    }

    public override string ToString()
    {
        return $"{Name}: cpus=[{Cpus}] idle={IdleStrategy} agents={string.Join(",", _agentRoleNames)}";
    }
}
