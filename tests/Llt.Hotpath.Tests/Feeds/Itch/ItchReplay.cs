using System.Text;
using Llt.Hotpath.Feeds.Capture;
using Llt.Hotpath.Feeds.Itch;
using Llt.Hotpath.Feeds.MoldUdp;
using Llt.Hotpath.Feeds.Sequencing;
using Llt.Hotpath.MarketData.Books;
using Llt.Hotpath.Tests.Feeds.Sequencing;
using Llt.Sbe;

namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>The pieces a feed agent would hold, wired as it would wire them, for replaying captures in tests.</summary>
internal sealed class ItchReplay : IDisposable
{
    public ItchReplay(long gapWindowMessages = long.MaxValue, int books = 8, int holdBackMessages = MoldUdp64Receiver.DefaultHoldBackMessages)
    {
        Builder = new ItchBookBuilder<NoItchBookListener>(books, 1 << 12, 512, default);
        Receiver = new MoldUdp64Receiver(new LineArbiter(gapWindowMessages, long.MaxValue, startSequence: 1), holdBackMessages);
    }

    public ItchBookBuilder<NoItchBookListener> Builder { get; }

    public MoldUdp64Receiver Receiver;

    public List<long> Sequences { get; } = [];

    public RecordingGapHandler Gaps = new();

    public MoldUdp64CaptureSource Run(byte[] capture, UdpLineFilter lineA, UdpLineFilter lineB)
    {
        var source = new MoldUdp64CaptureSource(capture, lineA, lineB);
        var handler = new SequencedBookHandler { Inner = Builder.Handler, Sequences = Sequences };
        while (source.Poll(capture, ref Receiver, 16, ref handler, ref Gaps) > 0)
        {
        }

        return source;
    }

    public void Dispose() => Builder.Dispose();

    /// <summary>Every tracked book, full depth, as text: equal snapshots mean equal books.</summary>
    public static string Snapshot<TListener>(ItchBookBuilder<TListener> builder)
        where TListener : struct, IItchBookListener
    {
        var text = new StringBuilder();
        Span<BookLevel> levels = new BookLevel[1024];
        for (int i = 0; i < builder.Locates.Count; i++)
        {
            L3Book book = builder.Book(i);
            text.Append(builder.Locates.SymbolOf(i)).Append(" orders=").Append(book.OrderCount).Append('\n');
            foreach (Side side in new[] { Side.Buy, Side.Sell })
            {
                int count = book.CopyLevels(side, levels);
                text.Append(side).Append(':');
                for (int l = 0; l < count; l++)
                {
                    text.Append(' ').Append(levels[l].Size).Append('@').Append(levels[l].Price).Append('#').Append(levels[l].OrderCount);
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The books a perfect feed gives: every message applied once, in order.</summary>
    public static string ReferenceSnapshot(IReadOnlyList<byte[]> messages)
    {
        using var builder = new ItchBookBuilder<NoItchBookListener>(8, 1 << 12, 512, default);
        foreach (byte[] message in messages)
        {
            builder.Apply(message);
        }

        Assert.Equal(0, builder.RejectedTotal);
        return Snapshot(builder);
    }
}
