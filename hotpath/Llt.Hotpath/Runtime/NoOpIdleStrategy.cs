namespace Llt.Hotpath.Runtime;

/// <summary>Never idles: the duty cycle calls <see cref="IAgent.DoWork"/> again at once. Lowest latency, one full core.</summary>
public sealed class NoOpIdleStrategy : IIdleStrategy
{
    public static readonly NoOpIdleStrategy Instance = new();

    public void Idle(int workCount)
    {
    }

    public void Idle()
    {
    }

    public void Reset()
    {
    }
}
