using Llt.Hotpath.Orders;

namespace Llt.Hotpath.Tests.Orders;

/// <summary>
/// The parent table as an amendment uses it: an order sent whole becomes a parent of itself
/// (<see cref="ParentOrderTable.TryOpenSingle"/>), confirmed child replaces rename the child under the same parent,
/// fills add to the parent's filled quantity, and an amendment's child replaces are counted until the last settles.
/// </summary>
public sealed class ParentOrderTableReplaceTests
{
    private const int Strategy = 3;

    private static RouteLeg Leg(long clOrdId, long qty = 10) => new(VenueId: 0, Qty: qty, Price: 100, ClOrdId: clOrdId);

    [Fact]
    public void TryOpenSingle_MakesTheOrderItsOwnParent_WithOneChildUnderTheSameId()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);

        Assert.False(table.IsOpen(7));
        Assert.Equal(-1, table.StrategyOf(7));
        Assert.True(table.TryOpenSingle(7, Strategy, cumQty: 30));

        Assert.True(table.IsOpen(7));
        Assert.Equal(1, table.Count);
        Assert.Equal(Strategy, table.StrategyOf(7));
        Assert.Equal(30, table.CumQtyOf(7));
        Assert.Equal([7L], table.ChildrenOf(7).ToArray());
        Assert.Equal(7, table.StrategyIdOf(7));
        Assert.False(table.IsReplacing(7));
    }

    [Fact]
    public void TryOpenSingle_RefusesAnIdAlreadyAParentOrAChild()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpen(100, Strategy, [Leg(101), Leg(102)]));
        Assert.True(table.TryOpenSingle(7, Strategy, 0));

        Assert.False(table.TryOpenSingle(7, Strategy, 0));
        Assert.False(table.TryOpenSingle(100, Strategy, 0));
        Assert.False(table.TryOpenSingle(102, Strategy, 0));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void TryOpenSingle_WhenTheTableIsFull_IsRefused_AndASlotFreedByAClosedParentIsReused()
    {
        var table = new ParentOrderTable(capacity: 2, maxChildren: 2);
        Assert.True(table.TryOpenSingle(1, Strategy, 0));
        Assert.True(table.TryOpen(10, Strategy, [Leg(11), Leg(12)]));

        Assert.False(table.TryOpenSingle(2, Strategy, 0));
        Assert.False(table.IsOpen(2));
        Assert.False(table.CanOpen(20, 2));

        Assert.True(table.OnChildClosed(1, ChildClose.Canceled, out _, out bool closed, out _, out _));
        Assert.True(closed);
        Assert.True(table.TryOpenSingle(2, 1, cumQty: 5));
        Assert.Equal(1, table.StrategyOf(2));
        Assert.Equal(5, table.CumQtyOf(2));
    }

    [Fact]
    public void RenameChild_OfASingle_KeepsTheStrategysId_AndItsCloseClosesTheParent()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpenSingle(7, Strategy, 0));

        Assert.True(table.RenameChild(7, 9));
        Assert.Equal(7, table.StrategyIdOf(9));
        Assert.Equal([9L], table.ChildrenOf(7).ToArray());
        Assert.True(table.IsOpen(7));
        // the old id is no child any more: its fill counts toward no parent
        Assert.Equal(7, table.OnChildFill(7, 1));
        Assert.Equal(0, table.CumQtyOf(7));
        Assert.False(table.OnChildClosed(7, ChildClose.Canceled, out _, out _, out _, out _));

        Assert.True(table.OnChildClosed(9, ChildClose.Canceled, out long parentId, out bool closed, out bool rejected, out bool filled));
        Assert.Equal(7, parentId);
        Assert.True(closed);
        Assert.False(rejected);
        Assert.False(filled);
        Assert.False(table.IsOpen(7));
        Assert.Equal(0, table.Count);
        Assert.Equal(-1, table.StrategyOf(7));
        Assert.True(table.ChildrenOf(7).IsEmpty);
        Assert.Equal(9, table.StrategyIdOf(9));
    }

    [Fact]
    public void RenameChild_TwiceInARow_FollowsTheLatestId()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpenSingle(7, Strategy, 0));
        Assert.True(table.RenameChild(7, 9));
        Assert.True(table.RenameChild(9, 12));

        Assert.Equal([12L], table.ChildrenOf(7).ToArray());
        Assert.Equal(7, table.StrategyIdOf(12));
        Assert.Equal(9, table.StrategyIdOf(9));
        Assert.True(table.OnChildClosed(12, ChildClose.Filled, out _, out bool closed, out _, out bool filled));
        Assert.True(closed);
        Assert.True(filled);
    }

    [Fact]
    public void RenameChild_RefusesAnUnknownChild_OrANewIdInUse()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpen(100, Strategy, [Leg(101), Leg(102)]));

        Assert.False(table.RenameChild(555, 556));
        Assert.False(table.RenameChild(101, 102));
        Assert.False(table.RenameChild(101, 101));
        Assert.Equal([101L, 102L], table.ChildrenOf(100).ToArray());
    }

    [Fact]
    public void RenameChild_OfARoutedLeg_KeepsItsPlace_AndTheParentClosesOnTheLastChild()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpen(100, Strategy, [Leg(101), Leg(102), Leg(103)]));

        Assert.True(table.RenameChild(102, 202));
        Assert.Equal([101L, 202L, 103L], table.ChildrenOf(100).ToArray());
        Assert.Equal(100, table.StrategyIdOf(202));

        Assert.True(table.OnChildClosed(101, ChildClose.Rejected, out _, out bool closed, out _, out _));
        Assert.False(closed);
        Assert.True(table.OnChildClosed(103, ChildClose.Rejected, out _, out closed, out _, out _));
        Assert.False(closed);
        Assert.True(table.OnChildClosed(202, ChildClose.Rejected, out long parentId, out closed, out bool rejected, out _));
        Assert.Equal(100, parentId);
        Assert.True(closed);
        Assert.True(rejected);
    }

    [Fact]
    public void OnChildFill_AddsToTheParentsFilledQty_UnderEitherChild_AndAfterARename()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpen(100, Strategy, [Leg(101), Leg(102)]));
        Assert.Equal(0, table.CumQtyOf(100));

        Assert.Equal(100, table.OnChildFill(101, 4));
        Assert.Equal(100, table.OnChildFill(102, 6));
        Assert.Equal(10, table.CumQtyOf(100));
        Assert.True(table.RenameChild(101, 201));
        Assert.Equal(100, table.OnChildFill(201, 5));
        Assert.Equal(15, table.CumQtyOf(100));

        // the parent's own id and an unknown one are no children: reported as themselves, counted nowhere
        Assert.Equal(100, table.OnChildFill(100, 1));
        Assert.Equal(999, table.OnChildFill(999, 1));
        Assert.Equal(15, table.CumQtyOf(100));
        Assert.Equal(0, table.CumQtyOf(999));
    }

    [Fact]
    public void OnChildFill_ForNoChild_WithAnEmptyTable_IsTheIdItself()
    {
        var table = new ParentOrderTable(capacity: 1, maxChildren: 2);

        Assert.Equal(1, table.OnChildFill(1, 1));
        Assert.False(table.IsReplacing(1));
        Assert.False(table.BeginReplace(1, 1));
        Assert.False(table.OnReplaceSettled(1, true, out _, out _));
        Assert.Equal(1, table.StrategyIdOf(1));
    }

    [Fact]
    public void TwoChildReplaces_OneApplied_SettleOnlyOnTheLast_WithAnyAppliedTrue()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpen(100, Strategy, [Leg(101), Leg(102)]));
        Assert.True(table.BeginReplace(100, requests: 2));
        Assert.True(table.IsReplacing(100));

        Assert.False(table.OnReplaceSettled(101, applied: true, out long parentId, out bool anyApplied));
        Assert.Equal((0L, false), (parentId, anyApplied));
        Assert.True(table.IsReplacing(100));
        Assert.True(table.OnReplaceSettled(102, applied: false, out parentId, out anyApplied));
        Assert.Equal((100L, true), (parentId, anyApplied));
        Assert.False(table.IsReplacing(100));

        // settled already: a late answer settles nothing
        Assert.False(table.OnReplaceSettled(101, applied: true, out _, out _));
    }

    [Fact]
    public void TwoChildReplaces_BothRefused_SettleWithAnyAppliedFalse_EvenAfterAnEarlierAmendmentApplied()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpen(100, Strategy, [Leg(101), Leg(102)]));
        Assert.True(table.BeginReplace(100, requests: 1));
        Assert.True(table.OnReplaceSettled(101, applied: true, out _, out bool anyApplied));
        Assert.True(anyApplied);

        Assert.True(table.BeginReplace(100, requests: 2));
        Assert.False(table.OnReplaceSettled(102, applied: false, out _, out _));
        Assert.True(table.OnReplaceSettled(101, applied: false, out long parentId, out anyApplied));
        Assert.Equal(100, parentId);
        Assert.False(anyApplied);
    }

    [Fact]
    public void SingleReplace_SettledUnderTheRenamedId_AnswersTheStrategysOrder()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.True(table.TryOpenSingle(7, Strategy, 0));
        Assert.True(table.BeginReplace(7, requests: 1));
        // the venue confirms: the pipeline renames first, then settles under the new id
        Assert.True(table.RenameChild(7, 9));

        Assert.True(table.OnReplaceSettled(9, applied: true, out long parentId, out bool anyApplied));
        Assert.Equal((7L, true), (parentId, anyApplied));
        Assert.False(table.IsReplacing(7));
    }

    [Fact]
    public void ASlotReused_StartsWithNoReplacePending_AndNoFills()
    {
        var table = new ParentOrderTable(capacity: 1, maxChildren: 2);
        Assert.True(table.TryOpenSingle(7, Strategy, cumQty: 10));
        Assert.Equal(7, table.OnChildFill(7, 5));
        Assert.True(table.BeginReplace(7, requests: 1));
        Assert.True(table.OnChildClosed(7, ChildClose.Filled, out _, out bool closed, out _, out _));
        Assert.True(closed);
        Assert.False(table.IsReplacing(7));

        Assert.True(table.TryOpenSingle(8, Strategy, cumQty: 0));
        Assert.False(table.IsReplacing(8));
        Assert.Equal(0, table.CumQtyOf(8));
        Assert.False(table.OnReplaceSettled(8, applied: true, out _, out _));
    }

    [Fact]
    public void TryOpen_RefusesTooFewOrTooManyChildren_AndAChildIdInUse()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
        Assert.False(table.TryOpen(100, Strategy, [Leg(101)]));
        Assert.False(table.TryOpen(100, Strategy, [Leg(101), Leg(102), Leg(103), Leg(104)]));
        Assert.True(table.TryOpenSingle(7, Strategy, 0));
        Assert.False(table.TryOpen(100, Strategy, [Leg(101), Leg(7)]));
        Assert.False(table.IsOpen(100));
        Assert.True(table.TryOpen(100, Strategy, [Leg(101), Leg(102)]));
        Assert.Equal(Strategy, table.StrategyOf(100));
    }

    [Fact]
    public void ReplaceCycle_AfterWarmUp_DoesNotAllocate()
    {
        var table = new ParentOrderTable(capacity: 4, maxChildren: 3);
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
                unexpected += table.TryOpenSingle(id, Strategy, 0) ? 0 : 1;
                unexpected += table.BeginReplace(id, 1) ? 0 : 1;
                unexpected += table.RenameChild(id, id + 1) ? 0 : 1;
                unexpected += table.OnReplaceSettled(id + 1, true, out long parentId, out bool anyApplied) && parentId == id && anyApplied ? 0 : 1;
                unexpected += table.OnChildFill(id + 1, 5) == id && table.CumQtyOf(id) == 5 ? 0 : 1;
                unexpected += table.OnChildClosed(id + 1, ChildClose.Filled, out _, out bool closed, out _, out _) && closed ? 0 : 1;
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, unexpected);
        Assert.Equal(0, allocated);
        Assert.Equal(0, table.Count);
    }
}
