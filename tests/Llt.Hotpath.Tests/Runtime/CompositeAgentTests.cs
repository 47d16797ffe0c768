using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class CompositeAgentTests
{
    [Fact]
    public void DoWork_SumsTheMembersWork_AndRoleNameListsThem()
    {
        var composite = new CompositeAgent(new RecordingAgent("feed", 2), new RecordingAgent("trader", 3), new RecordingAgent("gateway", 0));

        Assert.Equal(5, composite.DoWork());
        Assert.Equal("[feed,trader,gateway]", composite.RoleName);
        Assert.Equal(3, composite.Agents.Count);
    }

    [Fact]
    public void DoWork_OneMemberThrows_OthersStillRunAndItsExceptionIsRethrown()
    {
        var first = new RecordingAgent("first", 1) { ThrowEvery = 1 };
        var second = new RecordingAgent("second", 1);
        var composite = new CompositeAgent(first, second);

        var exception = Assert.Throws<InvalidOperationException>(() => composite.DoWork());

        Assert.Equal("first: DoWork failed", exception.Message);
        Assert.Equal(1, second.DoWorkCount);
    }

    [Fact]
    public void DoWork_TwoMembersThrow_AggregateCarriesBoth()
    {
        var composite = new CompositeAgent(new RecordingAgent("x") { ThrowEvery = 1 }, new RecordingAgent("y") { ThrowEvery = 1 });

        var exception = Assert.Throws<AggregateException>(() => composite.DoWork());

        Assert.Equal(2, exception.InnerExceptions.Count);
    }

    [Fact]
    public void OnClose_OneMemberThrows_AllAreClosedAndTheExceptionSurfaces()
    {
        var first = new RecordingAgent("first");
        var middle = new RecordingAgent("middle") { ThrowOnClose = true };
        var last = new RecordingAgent("last");
        var composite = new CompositeAgent(first, middle, last);

        var exception = Assert.Throws<InvalidOperationException>(composite.OnClose);

        Assert.Equal("middle: OnClose failed", exception.Message);
        Assert.Equal(1, first.OnCloseCount);
        Assert.Equal(1, middle.OnCloseCount);
        Assert.Equal(1, last.OnCloseCount);
    }

    [Fact]
    public void OnStart_OneMemberThrows_AllAreStartedAndTheExceptionSurfaces()
    {
        var first = new RecordingAgent("first") { ThrowOnStart = true };
        var second = new RecordingAgent("second");
        var composite = new CompositeAgent(first, second);

        Assert.Throws<InvalidOperationException>(composite.OnStart);

        Assert.Equal(1, first.OnStartCount);
        Assert.Equal(1, second.OnStartCount);
    }

    [Fact]
    public void Constructor_EmptyOrNullMember_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CompositeAgent());
        Assert.Throws<ArgumentException>(() => new CompositeAgent(new RecordingAgent(), null!));
    }

    [Fact]
    public void DoWork_AfterWarmUp_DoesNotAllocate()
    {
        var composite = new CompositeAgent(new RecordingAgent("a", 1), new RecordingAgent("b", 1));
        for (int i = 0; i < 100; i++)
        {
            composite.DoWork();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            composite.DoWork();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
