using BenchmarkDotNet.Attributes;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// ITCH 5.0 parse and L3 book building, per message, from a length-prefixed in-memory ITCH file
/// (<see cref="ItchWorkload"/>: 1,048,576 messages, directory and closing deletes included, so each pass leaves the
/// books empty) read by <see cref="ItchFileReader"/>:
/// <list type="bullet">
/// <item>ParseAndBuildL3: parsed and applied to one L3 book per stock by <see cref="ItchBookBuilder{TListener}"/>
/// (locate → instrument, add/execute/cancel/delete/replace, counters; a no-op listener).</item>
/// <item>ParseOnly: the same file through <see cref="ItchParser"/> into a handler that reads a few fields and counts.</item>
/// <item>BooksOnly: the same book operations, decoded beforehand into an array, applied straight to the
/// <see cref="L3Book"/>s: what the books cost without the feed (ParseAndBuildL3 − BooksOnly ≈ the feed's share).</item>
/// </list>
/// <see cref="Stocks"/> sets the working set: 8 books (~1.3 MiB of book memory at 2,048 orders and 256 levels a side:
/// just past the 1 MiB L2) or 64 books (~10.5 MiB: L3-resident, as the books of a full TotalView day are not).
/// Run: dotnet $LLT_ARTIFACTS/bin/Llt.Benchmarks/release/Llt.Benchmarks.dll --filter '*ItchBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class ItchBenchmarks
{
    /// <summary>Messages in the in-memory file, directory and closing deletes included.</summary>
    public const int FileMessages = 1 << 20;

    private ItchBookBuilder<NoItchBookListener>? _builder;
    private byte[] _file = [];
    private BookOperation[] _operations = [];
    private L3Book[] _books = [];

    [Params(8, 64)]
    public int Stocks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = ItchWorkload.Build(FileMessages, Stocks);
        _builder = new ItchBookBuilder<NoItchBookListener>(Stocks, ItchWorkload.OrderCapacity, ItchWorkload.LevelCapacity, default);
        ParseAndBuildL3(); // books touched, every path compiled
        if (_builder.RejectedTotal != 0 || _builder.MalformedTotal != 0 || _builder.Messages != FileMessages)
        {
            throw new InvalidOperationException(
                $"workload is inconsistent: {_builder.Messages} messages, {_builder.RejectedTotal} rejected, {_builder.MalformedTotal} malformed");
        }

        _books = new L3Book[Stocks];
        for (int i = 0; i < Stocks; i++)
        {
            _books[i] = _builder.Book(i);
        }

        _operations = Decode(_file);
        if (BooksOnly() != 0)
        {
            throw new InvalidOperationException("book operations were refused");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _builder?.Dispose();

    [Benchmark(OperationsPerInvoke = FileMessages)]
    public long ParseAndBuildL3()
    {
        ItchBookHandler<NoItchBookListener> handler = _builder!.Handler;
        var reader = new ItchFileReader();
        while (reader.Poll(_file, ref handler, 4_096) > 0)
        {
        }

        return reader.MessagesRead;
    }

    [Benchmark(OperationsPerInvoke = FileMessages)]
    public long ParseOnly()
    {
        var handler = new CountingItchHandler();
        var reader = new ItchFileReader();
        while (reader.Poll(_file, ref handler, 4_096) > 0)
        {
        }

        return handler.Count + handler.Checksum;
    }

    [Benchmark(OperationsPerInvoke = FileMessages)]
    public long BooksOnly()
    {
        L3Book[] books = _books;
        long refused = 0;
        foreach (ref readonly BookOperation op in _operations.AsSpan())
        {
            BookResult result = op.Type switch
            {
                (byte)'A' or (byte)'F' => books[op.Book].Add(op.OrderId, op.Side, op.Price, op.Quantity),
                (byte)'E' or (byte)'C' => books[op.Book].Execute(op.OrderId, op.Quantity),
                (byte)'X' => books[op.Book].Cancel(op.OrderId, op.Quantity),
                (byte)'D' => books[op.Book].Delete(op.OrderId),
                (byte)'U' => books[op.Book].Replace(op.OrderId, op.NewOrderId, op.Price, op.Quantity),
                _ => BookResult.Ok,
            };
            refused += result == BookResult.Ok ? 0 : 1;
        }

        return refused;
    }

    /// <summary>Every message of the file as a decoded book operation (locate − 1 is the book: the workload's locates are 1..Stocks).</summary>
    private static BookOperation[] Decode(byte[] file)
    {
        var operations = new BookOperation[FileMessages];
        var reader = new ItchFileReader();
        int i = 0;
        while (reader.TryReadNext(file, out ReadOnlySpan<byte> m))
        {
            ref BookOperation op = ref operations[i++];
            op.Type = m[0];
            switch (m[0])
            {
                case (byte)'A':
                    ItchAddOrder.TryWrap(m, out ItchAddOrder add);
                    (op.Book, op.OrderId, op.Price, op.Quantity) = (add.StockLocate - 1, add.OrderReferenceNumber, add.Price, add.Shares);
                    op.Side = add.BuySellIndicator == 'B' ? Side.Buy : Side.Sell;
                    break;
                case (byte)'F':
                    ItchAddOrderMpid.TryWrap(m, out ItchAddOrderMpid addMpid);
                    (op.Book, op.OrderId, op.Price, op.Quantity) = (addMpid.StockLocate - 1, addMpid.OrderReferenceNumber, addMpid.Price, addMpid.Shares);
                    op.Side = addMpid.BuySellIndicator == 'B' ? Side.Buy : Side.Sell;
                    break;
                case (byte)'E':
                    ItchOrderExecuted.TryWrap(m, out ItchOrderExecuted executed);
                    (op.Book, op.OrderId, op.Quantity) = (executed.StockLocate - 1, executed.OrderReferenceNumber, executed.ExecutedShares);
                    break;
                case (byte)'C':
                    ItchOrderExecutedWithPrice.TryWrap(m, out ItchOrderExecutedWithPrice withPrice);
                    (op.Book, op.OrderId, op.Quantity) = (withPrice.StockLocate - 1, withPrice.OrderReferenceNumber, withPrice.ExecutedShares);
                    break;
                case (byte)'X':
                    ItchOrderCancel.TryWrap(m, out ItchOrderCancel cancel);
                    (op.Book, op.OrderId, op.Quantity) = (cancel.StockLocate - 1, cancel.OrderReferenceNumber, cancel.CanceledShares);
                    break;
                case (byte)'D':
                    ItchOrderDelete.TryWrap(m, out ItchOrderDelete delete);
                    (op.Book, op.OrderId) = (delete.StockLocate - 1, delete.OrderReferenceNumber);
                    break;
                case (byte)'U':
                    ItchOrderReplace.TryWrap(m, out ItchOrderReplace replace);
                    (op.Book, op.OrderId, op.NewOrderId, op.Price, op.Quantity) =
                        (replace.StockLocate - 1, replace.OriginalOrderReferenceNumber, replace.NewOrderReferenceNumber, replace.Price, replace.Shares);
                    break;
            }
        }

        return operations;
    }

    private struct BookOperation
    {
        public byte Type;
        public Side Side;
        public int Book;
        public long OrderId;
        public long NewOrderId;
        public long Price;
        public long Quantity;
    }
}
