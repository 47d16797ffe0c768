using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Llt.Hotpath.Runtime;

/// <summary>
/// Several agents on one thread: each duty cycle calls every agent's <c>DoWork</c> in order and returns the
/// sum. On a box with few cores this keeps the critical path (feed → trader → gateway) on one thread with no
/// hand-off. An agent that throws does not starve the ones after it: the rest still run that cycle and the
/// exception is rethrown at the end for the runner's error handler. <c>OnStart</c> and <c>OnClose</c> reach
/// every agent even when one throws.
/// </summary>
public sealed class CompositeAgent : IAgent
{
    private readonly IAgent[] _agents;

    public CompositeAgent(params IAgent[] agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        if (agents.Length == 0)
        {
            ThrowHelper.ThrowArgument(nameof(agents), "a composite needs at least one agent");
        }

        foreach (IAgent agent in agents)
        {
            if (agent is null)
            {
                ThrowHelper.ThrowArgument(nameof(agents), "agents must not contain null");
            }
        }

        _agents = (IAgent[])agents.Clone();
        RoleName = "[" + string.Join(",", Array.ConvertAll(_agents, static a => a.RoleName)) + "]";
    }

    /// <summary>"[a,b,c]" from the members' role names.</summary>
    public string RoleName { get; }

    public IReadOnlyList<IAgent> Agents => _agents;

    public void OnStart()
    {
        List<Exception>? errors = null;
        foreach (IAgent agent in _agents)
        {
            try
            {
                agent.OnStart();
            }
            catch (Exception exception)
            {
                (errors ??= []).Add(exception);
            }
        }

        ThrowIfAny(errors);
    }

    public int DoWork()
    {
        IAgent[] agents = _agents;
        int workCount = 0;
        Exception? first = null;
        List<Exception>? more = null;
        for (int i = 0; i < agents.Length; i++)
        {
            // try/catch is free on the non-throwing path (table-based unwinding); it keeps one failing agent
            // from starving the others on the shared thread.
            try
            {
                workCount += agents[i].DoWork();
            }
            catch (Exception exception)
            {
                if (first is null)
                {
                    first = exception;
                }
                else
                {
                    (more ??= [first]).Add(exception);
                }
            }
        }

        if (first is not null)
        {
            ThrowCollected(first, more);
        }

        return workCount;
    }

    public void OnClose()
    {
        List<Exception>? errors = null;
        foreach (IAgent agent in _agents)
        {
            try
            {
                agent.OnClose();
            }
            catch (Exception exception)
            {
                (errors ??= []).Add(exception);
            }
        }

        ThrowIfAny(errors);
    }

    private static void ThrowIfAny(List<Exception>? errors)
    {
        if (errors is not null)
        {
            ThrowCollected(errors[0], errors.Count > 1 ? errors : null);
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowCollected(Exception first, List<Exception>? all)
    {
        if (all is null)
        {
            // Rethrow the agent's own exception with its original stack, not a wrapper.
            ExceptionDispatchInfo.Throw(first);
        }

        throw new AggregateException("several agents of a composite failed", all);
    }
}
