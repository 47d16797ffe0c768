using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Itch;

public sealed class ItchBookBuilderTests
{
    private const ushort AaplLocate = 13;
    private const ushort MsftLocate = 7001;

    [Fact]
    public void AddsFromBothAddTypes_BuildTheBookOfTheDirectoryLocate()
    {
        using var builder = NewBuilder();
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 100, 1, 'B', 300, "AAPL", ItchWire.Price4(189.50m)));
        Apply(builder, ItchWire.AddOrderMpid(AaplLocate, 0, 101, 2, 'S', 200, "AAPL", ItchWire.Price4(189.52m), "VIRT"));
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 102, 3, 'B', 100, "AAPL", ItchWire.Price4(189.51m)));

        int aapl = builder.Locates.InstrumentOf(AaplLocate);
        Assert.Equal(0, aapl);
        L3Book book = builder.Book(aapl);
        Assert.Equal(ItchWire.Engine(189.51m), book.BestBidPrice);
        Assert.Equal(100, book.BestBidSize);
        Assert.Equal(ItchWire.Engine(189.52m), book.BestAskPrice);
        Assert.Equal(200, book.BestAskSize);
        Assert.Equal(3, book.OrderCount);
        Assert.Equal(3, builder.Applied);
        Assert.Equal(0, builder.RejectedTotal);
        Assert.Equal(
            [(0, 100L, ItchWire.Engine(189.50m), 0L), (0, 101L, ItchWire.Engine(189.50m), ItchWire.Engine(189.52m)), (0, 102L, ItchWire.Engine(189.51m), ItchWire.Engine(189.52m))],
            builder.Listener.BookChanges);
    }

    [Fact]
    public void Executed_PartialThenFull_ReducesThenRemoves_AndReportsTheOrdersPriceAndSide()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 9, side: 'S', shares: 500, price: 10.25m);
        Apply(builder, ItchWire.OrderExecuted(AaplLocate, 0, 200, 9, 200, 77));
        L3Book book = builder.Book(0);
        Assert.Equal(300, book.BestAskSize);
        Apply(builder, ItchWire.OrderExecuted(AaplLocate, 0, 201, 9, 300, 78));
        Assert.Equal(0, book.OrderCount);
        Assert.Equal(0, book.AskLevelCount);

        Assert.Equal(2, builder.Listener.Executions.Count);
        ItchExecution first = builder.Listener.Executions[0];
        Assert.Equal(ItchExecutionKind.OrderExecuted, first.Kind);
        Assert.Equal(ItchWire.Engine(10.25m), first.Price);
        Assert.Equal(200, first.Shares);
        Assert.Equal(77, first.MatchNumber);
        Assert.Equal(9, first.OrderReferenceNumber);
        Assert.Equal(Side.Sell, first.RestingSide);
        Assert.Equal(200, first.TimestampNs);
        Assert.True(first.Printable);
        Assert.Equal(ItchWire.Engine(10.25m), builder.Listener.Executions[1].Price);
    }

    [Fact]
    public void ExecutedWithPrice_UsesTheMessagePrice_AndPrintableFlag()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 5, side: 'B', shares: 100, price: 20m);
        Apply(builder, ItchWire.OrderExecutedWithPrice(AaplLocate, 0, 300, 5, 40, 900, 'N', ItchWire.Price4(19.99m)));

        Assert.Equal(60, builder.Book(0).BestBidSize);
        ItchExecution execution = Assert.Single(builder.Listener.Executions);
        Assert.Equal(ItchExecutionKind.OrderExecutedWithPrice, execution.Kind);
        Assert.Equal(ItchWire.Engine(19.99m), execution.Price);
        Assert.Equal(Side.Buy, execution.RestingSide);
        Assert.False(execution.Printable);
    }

    [Fact]
    public void Cancel_ReducesKeepingThePlace_Delete_Removes()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 1, side: 'B', shares: 100, price: 50m);
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 2, 2, 'B', 100, "AAPL", ItchWire.Price4(50m)));
        Apply(builder, ItchWire.OrderCancel(AaplLocate, 0, 3, 1, 30));
        L3Book book = builder.Book(0);
        Assert.Equal(170, book.BestBidSize);
        Assert.Equal(BookResult.Ok, book.QueuePosition(2, out long ahead, out _));
        Assert.Equal(70, ahead); // order 1 kept its place at the head

        Apply(builder, ItchWire.OrderDelete(AaplLocate, 0, 4, 1));
        Assert.False(book.Contains(1));
        Assert.Equal(100, book.BestBidSize);
    }

    [Fact]
    public void Replace_MovesToTheNewReference_PriceAndSize_KeepingTheSide()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 1, side: 'S', shares: 100, price: 30m);
        Apply(builder, ItchWire.OrderReplace(AaplLocate, 0, 5, 1, 1001, 250, ItchWire.Price4(29.95m)));

        L3Book book = builder.Book(0);
        Assert.False(book.Contains(1));
        Assert.Equal(BookResult.Ok, book.GetOrder(1001, out BookOrder order));
        Assert.Equal(new BookOrder(1001, Side.Sell, ItchWire.Engine(29.95m), 250), order);
        Assert.Equal(ItchWire.Engine(29.95m), book.BestAskPrice);
        Assert.Equal(1, book.AskLevelCount);
    }

    [Fact]
    public void UnknownOrderReferences_AreCountedAndChangeNothing()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 1, side: 'B', shares: 100, price: 30m);
        Apply(builder, ItchWire.OrderExecuted(AaplLocate, 0, 2, 404, 10, 1));
        Apply(builder, ItchWire.OrderExecutedWithPrice(AaplLocate, 0, 2, 404, 10, 1, 'Y', 1));
        Apply(builder, ItchWire.OrderCancel(AaplLocate, 0, 2, 404, 10));
        Apply(builder, ItchWire.OrderDelete(AaplLocate, 0, 2, 404));
        Apply(builder, ItchWire.OrderReplace(AaplLocate, 0, 2, 404, 405, 10, 1));

        Assert.Equal(5, builder.Rejected(BookResult.UnknownOrderId));
        Assert.Equal(1, builder.Applied);
        Assert.Equal(100, builder.Book(0).BestBidSize);
        Assert.Empty(builder.Listener.Executions);
    }

    [Fact]
    public void DuplicateAdd_OverExecution_AndBadSide_AreRefusedAndCounted()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 1, side: 'B', shares: 100, price: 30m);
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 2, 1, 'S', 5, "AAPL", ItchWire.Price4(31m)));
        Apply(builder, ItchWire.OrderExecuted(AaplLocate, 0, 3, 1, 101, 1));
        Apply(builder, ItchWire.OrderCancel(AaplLocate, 0, 3, 1, 101));
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 4, 2, 'X', 5, "AAPL", ItchWire.Price4(31m)));
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 4, 3, 'B', 5, "AAPL", 0));

        Assert.Equal(1, builder.Rejected(BookResult.DuplicateOrderId));
        Assert.Equal(2, builder.Rejected(BookResult.QuantityExceedsRemaining));
        Assert.Equal(1, builder.Rejected(BookResult.InvalidSide));
        Assert.Equal(1, builder.Rejected(BookResult.InvalidPrice));
        Assert.Equal(5, builder.RejectedTotal);
        Assert.Equal(100, builder.Book(0).BestBidSize);
        Assert.Equal(1, builder.Book(0).OrderCount);
    }

    [Fact]
    public void Locates_RouteEachStockToItsOwnBook()
    {
        using var builder = NewBuilder();
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.StockDirectory(MsftLocate, "MSFT"));
        Apply(builder, ItchWire.AddOrder(MsftLocate, 0, 1, 1, 'B', 10, "MSFT", ItchWire.Price4(400m)));
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 1, 2, 'B', 20, "AAPL", ItchWire.Price4(190m)));
        Apply(builder, ItchWire.OrderDelete(MsftLocate, 0, 2, 1));

        int aapl = builder.Locates.InstrumentOf(AaplLocate);
        int msft = builder.Locates.InstrumentOf(MsftLocate);
        Assert.NotEqual(aapl, msft);
        Assert.Equal("MSFT", builder.Locates.SymbolOf(msft).ToString());
        Assert.Equal(0, builder.Book(msft).OrderCount);
        Assert.Equal(20, builder.Book(aapl).BestBidSize);
    }

    [Fact]
    public void OrderMessages_OnALocateNoDirectoryNamed_AreCounted()
    {
        using var builder = new ItchBookBuilder<RecordingBookListener>(4, 16, 8, new RecordingBookListener(), addSymbolsOnFirstSight: false);
        Apply(builder, ItchWire.OrderExecuted(55, 0, 1, 1, 10, 1));
        Apply(builder, ItchWire.OrderDelete(55, 0, 1, 1));
        Apply(builder, ItchWire.AddOrder(55, 0, 1, 1, 'B', 10, "ZZZZ", 10_000)); // names the locate: an untracked stock
        Apply(builder, ItchWire.OrderDelete(55, 0, 1, 1));

        Assert.Equal(2, builder.UnknownLocateMessages);
        Assert.Equal(2, builder.UntrackedMessages);
        Assert.Equal(ItchLocateIndex.Untracked, builder.Locates.InstrumentOf(55));
        Assert.Equal(0, builder.Applied);
    }

    [Fact]
    public void AddOnALocateNoDirectoryNamed_AdoptsItByItsStockField_WhenAddingOnFirstSight()
    {
        using var builder = NewBuilder();
        Apply(builder, ItchWire.AddOrder(55, 0, 1, 1, 'B', 10, "LATE", 10_000));
        Apply(builder, ItchWire.OrderExecuted(55, 0, 2, 1, 4, 1));

        Assert.Equal(1, builder.LocatesAdoptedFromOrders);
        int instrument = builder.Locates.InstrumentOf(55);
        Assert.Equal("LATE", builder.Locates.SymbolOf(instrument).ToString());
        Assert.Equal(6, builder.Book(instrument).BestBidSize);
        Assert.Equal(0, builder.UnknownLocateMessages);
    }

    [Fact]
    public void RegisteredOnly_AnAddOnAnUnnamedLocate_MendsTheMapForARegisteredSymbol()
    {
        using var builder = new ItchBookBuilder<RecordingBookListener>(4, 16, 8, new RecordingBookListener(), addSymbolsOnFirstSight: false);
        builder.Register("AAPL");
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 1, 1, 'B', 10, "AAPL", 10_000)); // the directory entry was missed
        Apply(builder, ItchWire.OrderExecuted(AaplLocate, 0, 2, 1, 4, 1));

        Assert.Equal(1, builder.LocatesAdoptedFromOrders);
        Assert.Equal(0, builder.Locates.InstrumentOf(AaplLocate));
        Assert.Equal(6, builder.Book(0).BestBidSize);
    }

    [Fact]
    public void RegisteredOnly_OtherSymbolsAreUntracked_AndIgnored()
    {
        using var builder = new ItchBookBuilder<RecordingBookListener>(4, 16, 8, new RecordingBookListener(), addSymbolsOnFirstSight: false);
        Assert.Equal(0, builder.Register("MSFT"));
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.StockDirectory(MsftLocate, "MSFT"));
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 1, 1, 'B', 10, "AAPL", 10_000));
        Apply(builder, ItchWire.OrderDelete(AaplLocate, 0, 1, 1));
        Apply(builder, ItchWire.AddOrder(MsftLocate, 0, 1, 2, 'S', 10, "MSFT", 10_000));

        Assert.Equal(ItchLocateIndex.Untracked, builder.Locates.InstrumentOf(AaplLocate));
        Assert.Equal(0, builder.Locates.InstrumentOf(MsftLocate));
        Assert.Equal(2, builder.UntrackedMessages);
        Assert.Equal(0, builder.UnknownLocateMessages);
        Assert.Equal(1, builder.Applied);
        Assert.Equal(10, builder.Book(0).BestAskSize);
    }

    [Fact]
    public void EngineBooks_RegisteredInInstrumentOrder_AreTheOnesBuilt()
    {
        using var aapl = new L3Book(16, 8);
        using var msft = new L3Book(16, 8);
        using var builder = new ItchBookBuilder<NoItchBookListener>([aapl, msft], default);
        Assert.Equal(0, builder.Register("AAPL"));
        Assert.Equal(1, builder.Register("MSFT"));
        Assert.Equal(-1, builder.Register("GOOGL"));

        Apply(builder, ItchWire.StockDirectory(MsftLocate, "MSFT"));
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.AddOrder(MsftLocate, 0, 1, 1, 'B', 10, "MSFT", ItchWire.Price4(400m)));

        Assert.Equal(ItchWire.Engine(400m), msft.BestBidPrice);
        Assert.Equal(0, aapl.OrderCount);
    }

    [Fact]
    public void TradingActions_SystemEvents_AndTrades_ReachTheListener()
    {
        using var builder = NewBuilder();
        Apply(builder, ItchWire.SystemEvent(0, 0, 5, 'Q'));
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.StockTradingAction(AaplLocate, 0, 6, "AAPL", 'H', ' ', "T1  "));
        Apply(builder, ItchWire.Trade(AaplLocate, 0, 7, 0, 'B', 50, "AAPL", ItchWire.Price4(190m), 31));
        Apply(builder, ItchWire.CrossTrade(AaplLocate, 0, 8, 5_000_000_000, "AAPL", ItchWire.Price4(191m), 32, 'O'));
        Apply(builder, ItchWire.BrokenTrade(AaplLocate, 0, 9, 31));

        Assert.Equal([('Q', 5L)], builder.Listener.SystemEvents);
        Assert.Equal([(0, 'H', 6L)], builder.Listener.TradingActions);
        Assert.Equal(2, builder.Listener.Executions.Count);
        Assert.Equal(ItchExecutionKind.NonCrossTrade, builder.Listener.Executions[0].Kind);
        Assert.Equal(50, builder.Listener.Executions[0].Shares);
        Assert.Equal(ItchExecutionKind.CrossTrade, builder.Listener.Executions[1].Kind);
        Assert.Equal(5_000_000_000, builder.Listener.Executions[1].Shares);
        Assert.Equal(ItchWire.Engine(191m), builder.Listener.Executions[1].Price);
        Assert.Equal(1, builder.MessagesOf('B'));
        Assert.Equal(0, builder.Applied);
    }

    [Fact]
    public void MalformedMessages_AreCountedByReason_AndTheBuilderKeepsGoing()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 1, side: 'B', shares: 100, price: 30m);
        byte[] cut = ItchWire.OrderDelete(AaplLocate, 0, 1, 1).AsSpan(0, 18).ToArray();
        Assert.False(builder.Apply(cut));
        Assert.False(builder.Apply([]));
        Assert.False(builder.Apply([(byte)'Z', 0, 0]));
        Assert.True(builder.Apply(ItchWire.OrderDelete(AaplLocate, 0, 1, 1)));

        Assert.Equal(1, builder.Malformed(ItchMalformedReason.LengthMismatch));
        Assert.Equal(1, builder.Malformed(ItchMalformedReason.Empty));
        Assert.Equal(1, builder.Malformed(ItchMalformedReason.UnknownType));
        Assert.Equal(3, builder.MalformedTotal);
        Assert.Equal(0, builder.Book(0).OrderCount);
        Assert.Equal(6, builder.Messages); // the fixture's directory and add, 3 malformed, the delete
    }

    [Fact]
    public void SteadyState_AddExecuteCancelReplaceDelete_DoesNotAllocate()
    {
        using var builder = new ItchBookBuilder<CountingBookListener>(2, 1 << 12, 256, default);
        Assert.True(builder.Apply(ItchWire.StockDirectory(AaplLocate, "AAPL")));
        const int Orders = 512;
        byte[][] cycle = BuildCycle(Orders);

        RunCycle(builder, cycle); // warm-up: every path compiled, every book slot touched
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 20; round++)
        {
            RunCycle(builder, cycle);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(0, builder.RejectedTotal);
        Assert.Equal(0, builder.Book(0).OrderCount);
        Assert.Equal(21 * Orders * 5, builder.Listener.Changes);
    }

    [Fact]
    public void FileReader_FeedsALengthPrefixedFile_ThroughTheHandler()
    {
        byte[] file = ItchWire.LengthPrefixed(
        [
            ItchWire.SystemEvent(0, 0, 1, 'O'),
            ItchWire.StockDirectory(AaplLocate, "AAPL"),
            ItchWire.AddOrder(AaplLocate, 0, 2, 1, 'B', 100, "AAPL", ItchWire.Price4(1m)),
            ItchWire.AddOrder(AaplLocate, 0, 3, 2, 'S', 100, "AAPL", ItchWire.Price4(1.01m)),
            ItchWire.OrderExecuted(AaplLocate, 0, 4, 2, 40, 1),
        ]);
        Assert.True(ItchFileReader.LooksLikeItch(file));

        using var builder = NewBuilder();
        ItchBookHandler<RecordingBookListener> handler = builder.Handler;
        var reader = new ItchFileReader();
        Assert.Equal(3, reader.Poll(file, ref handler, 3));
        Assert.Equal(2, reader.Poll(file, ref handler, 100));
        Assert.Equal(0, reader.Poll(file, ref handler, 100));
        Assert.True(reader.IsFinished(file));
        Assert.Equal(ItchFileError.None, reader.Error);
        Assert.Equal(5, reader.MessagesRead);
        Assert.Equal(60, builder.Book(0).BestAskSize);
    }

    [Fact]
    public void FileReader_CutFile_StopsWithTruncated_AfterTheWholeMessages()
    {
        byte[] file = ItchWire.LengthPrefixed([ItchWire.SystemEvent(0, 0, 1, 'O'), ItchWire.OrderDelete(1, 0, 1, 1)]);
        var reader = new ItchFileReader();
        var handler = new RecordingItchHandler();
        Assert.Equal(1, reader.Poll(file.AsSpan(0, file.Length - 3), ref handler, 10));
        Assert.Equal(ItchFileError.Truncated, reader.Error);
        Assert.Equal(14, reader.Position);
        Assert.IsType<SystemEventRecord>(Assert.Single(handler.Records));

        reader = new ItchFileReader();
        Assert.Equal(1, reader.Poll(file.AsSpan(0, 15), ref handler, 10)); // one byte of the second prefix
        Assert.Equal(ItchFileError.Truncated, reader.Error);
    }

    [Fact]
    public void LooksLikeItch_RefusesCapturesAndText()
    {
        Assert.False(ItchFileReader.LooksLikeItch([0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0]));
        Assert.False(ItchFileReader.LooksLikeItch("hello world"u8));
        Assert.False(ItchFileReader.LooksLikeItch([]));
        Assert.False(ItchFileReader.LooksLikeItch([0, 12, (byte)'A', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])); // 'A' is 36 long
    }

    [Fact]
    public void ReceiveTimestamps_OfEachPacket_ReachTheListener_ForLatencyAccounting()
    {
        using var builder = NewBuilder();
        var receiver = new Llt.Hotpath.Feeds.MoldUdp.MoldUdp64Receiver(new Llt.Hotpath.Feeds.Sequencing.LineArbiter(long.MaxValue, long.MaxValue, startSequence: 1));
        var handler = builder.Handler;
        var gaps = default(Llt.Hotpath.Feeds.Sequencing.NoGapHandler);
        receiver.OnPacket(0, MoldWire.Packet("SESSION001", 1, [ItchWire.StockDirectory(AaplLocate, "AAPL"), ItchWire.AddOrder(AaplLocate, 0, 1, 1, 'B', 100, "AAPL", 10_000)]), 5_000, ref handler, ref gaps);
        receiver.OnPacket(0, MoldWire.Packet("SESSION001", 3, [ItchWire.OrderExecuted(AaplLocate, 0, 2, 1, 10, 1)]), 7_000, ref handler, ref gaps);
        builder.Apply(ItchWire.OrderDelete(AaplLocate, 0, 3, 1), receiveTimestampNs: 9_000);

        Assert.Equal([5_000L, 7_000L, 9_000L], builder.Listener.ReceiveTimestamps);
        Assert.Equal(7_000, Assert.Single(builder.Listener.Executions).ReceiveTimestampNs);
    }

    [Fact]
    public void LocateReusedForAnotherSymbol_IsRemappedAndCounted()
    {
        using var builder = NewBuilder();
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL")); // a repeat is not a remap
        Assert.Equal(0, builder.Locates.Remaps);
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "MSFT"));
        Assert.Equal(1, builder.Locates.Remaps);
        Assert.Equal("MSFT", builder.Locates.SymbolOf(builder.Locates.InstrumentOf(AaplLocate)).ToString());

        builder.Locates.ClearLocates();
        Assert.Equal(ItchLocateIndex.Unknown, builder.Locates.InstrumentOf(AaplLocate));
        Assert.Equal(0, builder.Locates.Find(ItchSymbol.From("AAPL"))); // symbols and their indexes stay
    }

    [Fact]
    public void FullCapacity_NewSymbolsOverflow_AndTheirMessagesAreUntracked()
    {
        using var builder = new ItchBookBuilder<RecordingBookListener>(1, 16, 8, new RecordingBookListener());
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.StockDirectory(MsftLocate, "MSFT"));
        Apply(builder, ItchWire.AddOrder(MsftLocate, 0, 1, 1, 'B', 10, "MSFT", 10_000));

        Assert.Equal(1, builder.Locates.SymbolOverflows);
        Assert.Equal(ItchLocateIndex.Untracked, builder.Locates.InstrumentOf(MsftLocate));
        Assert.Equal(1, builder.UntrackedMessages);
    }

    [Fact]
    public void ClearBooks_EmptiesEveryBook_AfterAnUnrecoverableGap()
    {
        using var builder = BuilderWithAaplOrder(orderRef: 1, side: 'B', shares: 100, price: 30m);
        builder.ClearBooks();
        Assert.Equal(0, builder.Book(0).OrderCount);
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 2, 1, 'B', 100, "AAPL", ItchWire.Price4(30m)));
        Assert.Equal(0, builder.RejectedTotal); // the old order 1 is really gone
    }

    /// <summary>Per order: add, execute part, cancel part, replace, delete the replacement — every book path.</summary>
    private static byte[][] BuildCycle(int orders)
    {
        var cycle = new List<byte[]>();
        for (int i = 0; i < orders; i++)
        {
            ulong id = (ulong)(i + 1);
            ulong replacement = id + 1_000_000;
            char side = i % 2 == 0 ? 'B' : 'S';
            uint price = side == 'B' ? ItchWire.Price4(100m) - (uint)(i % 50) : ItchWire.Price4(101m) + (uint)(i % 50);
            cycle.Add(ItchWire.AddOrder(AaplLocate, 0, i, id, side, 500, "AAPL", price));
            cycle.Add(ItchWire.OrderExecuted(AaplLocate, 0, i, id, 100, id));
            cycle.Add(ItchWire.OrderCancel(AaplLocate, 0, i, id, 100));
            cycle.Add(ItchWire.OrderReplace(AaplLocate, 0, i, id, replacement, 300, price));
        }

        for (int i = 0; i < orders; i++)
        {
            cycle.Add(ItchWire.OrderDelete(AaplLocate, 0, i, (ulong)(i + 1) + 1_000_000));
        }

        return [.. cycle];
    }

    private static void RunCycle(ItchBookBuilder<CountingBookListener> builder, byte[][] cycle)
    {
        foreach (byte[] message in cycle)
        {
            builder.Apply(message);
        }
    }

    private static ItchBookBuilder<RecordingBookListener> NewBuilder() => new(8, 64, 16, new RecordingBookListener());

    private static ItchBookBuilder<RecordingBookListener> BuilderWithAaplOrder(ulong orderRef, char side, uint shares, decimal price)
    {
        ItchBookBuilder<RecordingBookListener> builder = NewBuilder();
        Apply(builder, ItchWire.StockDirectory(AaplLocate, "AAPL"));
        Apply(builder, ItchWire.AddOrder(AaplLocate, 0, 1, orderRef, side, shares, "AAPL", ItchWire.Price4(price)));
        builder.Listener.BookChanges.Clear();
        return builder;
    }

    private static void Apply<TListener>(ItchBookBuilder<TListener> builder, byte[] message)
        where TListener : struct, IItchBookListener =>
        Assert.True(builder.Apply(message), $"'{(char)message[0]}' did not parse");
}
