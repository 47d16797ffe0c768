using Llt.Hotpath.Indicators;

namespace Llt.Hotpath.Tests.Indicators;

public sealed class RollingWindowTests
{
    [Fact]
    public void Push_EvictsOldestOnceFull()
    {
        var window = new RollingWindow(3);
        Assert.False(window.Push(1, out _));
        Assert.False(window.Push(2, out _));
        Assert.False(window.Push(3, out _));
        Assert.True(window.IsFull);
        Assert.True(window.Push(4, out double evicted));
        Assert.Equal(1.0, evicted);
        Assert.Equal(2.0, window.Oldest);
        Assert.Equal(4.0, window.Newest);
        Assert.Equal([2.0, 3.0, 4.0], new[] { window[0], window[1], window[2] });
    }

    [Fact]
    public void CopyTo_IsOldestFirst_WhilePartialAndAfterWrapping()
    {
        var window = new RollingWindow(4);
        var buffer = new double[4];
        window.Push(1, out _);
        window.Push(2, out _);
        Assert.Equal(2, window.CopyTo(buffer));
        Assert.Equal([1.0, 2.0], buffer[..2]);
        for (int i = 3; i <= 9; i++)
        {
            window.Push(i, out _);
        }

        Assert.Equal(4, window.CopyTo(buffer));
        Assert.Equal([6.0, 7.0, 8.0, 9.0], buffer);
    }

    [Fact]
    public void CapacityOne_EvictsEveryPush()
    {
        var window = new RollingWindow(1);
        Assert.False(window.Push(5, out _));
        Assert.True(window.Push(6, out double evicted));
        Assert.Equal(5.0, evicted);
        Assert.Equal(6.0, window.Newest);
        Assert.Equal(6.0, window.Oldest);
    }

    [Fact]
    public void Reset_Empties()
    {
        var window = new RollingWindow(2);
        window.Push(1, out _);
        window.Push(2, out _);
        window.Reset();
        Assert.Equal(0, window.Count);
        Assert.False(window.Push(3, out _));
        Assert.Equal(3.0, window.Newest);
    }
}
