using BenchmarkDotNet.Attributes;
using Llt.Hotpath.MarketData.Books;
using Llt.Sbe;

namespace Llt.Benchmarks.Books;

/// <summary>
/// Cost of one L3 add, delete and full execution, measured as batches of <see cref="BatchSize"/> on a book
/// holding 4,000 resting orders over 2 × 50 levels (<see cref="L3BookWorkload"/>). Each iteration resets the
/// book in an untimed setup and runs one batch, so every operation hits a realistic book and none is
/// the inverse of the previous one; results are per operation. Deletes and executions go in shuffled order.
/// Run: dotnet run -c Release --project perf/Llt.Benchmarks -- --filter '*L3BookBatchBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
[IterationCount(30)]
public class L3BookBatchBenchmarks
{
    public const int BatchSize = 4096;

    private L3Book? _book;
    private Side[] _sides = [];
    private long[] _prices = [];
    private int[] _removeOrder = [];

    [GlobalSetup]
    public void Setup()
    {
        _book = new L3Book(L3BookWorkload.OrderCapacity, L3BookWorkload.LevelCapacity);
        (_sides, _prices) = L3BookWorkload.Batch(BatchSize, seed: 2);
        _removeOrder = L3BookWorkload.Shuffled(BatchSize, seed: 3);
    }

    [GlobalCleanup]
    public void Cleanup() => _book?.Dispose();

    [IterationSetup(Target = nameof(Add))]
    public void SetupAdd()
    {
        _book!.Clear();
        L3BookWorkload.AddResting(_book);
    }

    [IterationSetup(Targets = [nameof(Delete), nameof(ExecuteFull)])]
    public void SetupRemove()
    {
        SetupAdd();
        AddBatch();
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long Add() => AddBatch();

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long Delete()
    {
        L3Book book = _book!;
        long total = 0;
        for (int i = 0; i < BatchSize; i++)
        {
            total += (long)book.Delete(L3BookWorkload.FirstBatchId + _removeOrder[i]);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public long ExecuteFull()
    {
        L3Book book = _book!;
        long total = 0;
        for (int i = 0; i < BatchSize; i++)
        {
            total += (long)book.Execute(L3BookWorkload.FirstBatchId + _removeOrder[i], 10);
        }

        return total;
    }

    private long AddBatch()
    {
        L3Book book = _book!;
        long total = 0;
        for (int i = 0; i < BatchSize; i++)
        {
            total += (long)book.Add(L3BookWorkload.FirstBatchId + i, _sides[i], _prices[i], 10);
        }

        return total;
    }
}
