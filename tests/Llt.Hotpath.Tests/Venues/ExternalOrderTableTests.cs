using Llt.Hotpath.Venues;

namespace Llt.Hotpath.Tests.Venues;

/// <summary>
/// Which external venue holds each working order, and for a replace in flight the id it replaces: until the venue
/// answers both ids are the venue's; after, only the one that works.
/// </summary>
public sealed class ExternalOrderTableTests
{
    [Fact]
    public void TryAdd_MapsTheIdToItsVenue_UntilRemoved_AndRefusesAnIdWorkingAlready()
    {
        var table = new ExternalOrderTable(4);

        Assert.True(table.TryAdd(1, venueId: 2));
        Assert.False(table.TryAdd(1, venueId: 3));
        Assert.Equal(2, table.VenueOf(1));
        Assert.Equal(-1, table.VenueOf(5));
        Assert.Equal(1, table.Count);

        table.Remove(1);
        table.Remove(1);
        Assert.Equal(-1, table.VenueOf(1));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void ReplaceInFlight_BothIdsMapToTheVenue()
    {
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(10, venueId: 1));

        Assert.True(table.TryAddReplace(11, origClOrdId: 10));
        Assert.Equal(1, table.VenueOf(10));
        Assert.Equal(1, table.VenueOf(11));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void ReplaceApplied_OnlyTheNewIdMaps()
    {
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(10, venueId: 1));
        Assert.True(table.TryAddReplace(11, 10));

        Assert.Equal(10, table.OnReplaceAnswered(11, applied: true));
        Assert.Equal(-1, table.VenueOf(10));
        Assert.Equal(1, table.VenueOf(11));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void ReplaceRefused_OnlyTheOldIdMaps()
    {
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(10, venueId: 1));
        Assert.True(table.TryAddReplace(11, 10));

        Assert.Equal(10, table.OnReplaceAnswered(11, applied: false));
        Assert.Equal(1, table.VenueOf(10));
        Assert.Equal(-1, table.VenueOf(11));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void ReplaceOfAnUnknownOriginal_IsRefused_AndAddsNothing()
    {
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(10, venueId: 1));

        Assert.False(table.TryAddReplace(11, origClOrdId: 99));
        Assert.Equal(-1, table.VenueOf(11));
        Assert.Equal(1, table.Count);
        Assert.Equal(0, table.OnReplaceAnswered(11, applied: true));
    }

    [Fact]
    public void AnsweredTwice_TheSecondAnswerIsZero_AndChangesNothing()
    {
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(10, venueId: 1));
        Assert.True(table.TryAddReplace(11, 10));
        Assert.Equal(10, table.OnReplaceAnswered(11, applied: true));

        Assert.Equal(0, table.OnReplaceAnswered(11, applied: false));
        Assert.Equal(1, table.VenueOf(11));
        Assert.Equal(-1, table.VenueOf(10));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void AnswerForAnIdThatIsNoReplace_IsZero_AndLeavesTheOrderWorking()
    {
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(10, venueId: 1));

        Assert.Equal(0, table.OnReplaceAnswered(10, applied: false));
        Assert.Equal(0, table.OnReplaceAnswered(10, applied: true));
        Assert.Equal(1, table.VenueOf(10));
    }

    [Fact]
    public void ReplaceUnderAnIdAlreadyWorking_IsRefused_AndLeaksNoReplaceSlot()
    {
        var table = new ExternalOrderTable(2);
        Assert.True(table.TryAdd(10, venueId: 1));

        Assert.False(table.TryAddReplace(10, 10));
        Assert.Equal(0, table.OnReplaceAnswered(10, applied: true));
        Assert.Equal(1, table.VenueOf(10));
        Assert.True(table.TryAddReplace(11, 10));
        Assert.Equal(10, table.OnReplaceAnswered(11, applied: true));
    }

    [Fact]
    public void AFullTable_RefusesAReplace_UntilAnAnswerFreesRoom()
    {
        var table = new ExternalOrderTable(2);
        Assert.True(table.TryAdd(10, venueId: 0));
        Assert.True(table.TryAddReplace(11, 10));

        Assert.False(table.TryAddReplace(12, 10));
        Assert.False(table.TryAdd(20, venueId: 0));
        Assert.Equal(-1, table.VenueOf(12));
        Assert.Equal(2, table.Count);

        Assert.Equal(10, table.OnReplaceAnswered(11, applied: true));
        Assert.True(table.TryAddReplace(12, 11));
        Assert.Equal(0, table.VenueOf(12));
    }

    [Fact]
    public void ManyReplaceCycles_BeyondTheCapacity_KeepWorking()
    {
        // each cycle takes a replace slot and its answer gives it back: ten thousand through a table of four
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(1, venueId: 3));
        long working = 1;
        for (long next = 2; next < 10_002; next++)
        {
            Assert.True(table.TryAddReplace(next, working));
            bool applied = next % 3 != 0;
            Assert.Equal(working, table.OnReplaceAnswered(next, applied));
            working = applied ? next : working;
            Assert.Equal(1, table.Count);
        }

        Assert.Equal(3, table.VenueOf(working));
    }

    [Fact]
    public void OriginalRemovedWhileTheReplaceIsInFlight_AnAppliedAnswerStillMapsTheNewId()
    {
        var table = new ExternalOrderTable(4);
        Assert.True(table.TryAdd(10, venueId: 1));
        Assert.True(table.TryAddReplace(11, 10));
        table.Remove(10);

        Assert.Equal(10, table.OnReplaceAnswered(11, applied: true));
        Assert.Equal(1, table.VenueOf(11));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void ReplaceCycle_AfterWarmUp_DoesNotAllocate()
    {
        var table = new ExternalOrderTable(64);
        long before = 0;
        int unexpected = 0;
        for (int round = 0; round < 2; round++)
        {
            if (round == 1)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            for (int i = 0; i < 1_000; i++)
            {
                long id = 1 + (((round * 1_000) + i) * 3);
                unexpected += table.TryAdd(id, 2) ? 0 : 1;
                unexpected += table.TryAddReplace(id + 1, id) ? 0 : 1;
                unexpected += table.OnReplaceAnswered(id + 1, applied: (i & 1) == 0) == id ? 0 : 1;
                table.Remove(id);
                table.Remove(id + 1);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, unexpected);
        Assert.Equal(0, allocated);
        Assert.Equal(0, table.Count);
    }
}
