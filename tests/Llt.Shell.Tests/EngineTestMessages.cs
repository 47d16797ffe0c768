using Llt.Hotpath.Ipc;
using Llt.Sbe;

namespace Llt.Shell.Tests;

/// <summary>SBE messages a feed or operator puts on a running engine's rings, written from this process.</summary>
internal static class EngineTestMessages
{
    /// <summary>
    /// A valid quote for instrument 0 of the default instruments (AAPL, 190.00, tick 0.01):
    /// <paramref name="ticksUp"/> ticks above 189.99 / 190.01, stamped <paramref name="exchangeTs"/>.
    /// </summary>
    public static byte[] Quote(ulong exchangeTs, int ticksUp = 0)
    {
        const long tick = 1_000_000;
        var buffer = new byte[QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength];
        var quote = QuoteEncoder.WrapAndApplyHeader(buffer, 0);
        quote.SetInstrumentId(0);
        quote.SetFeedId(1);
        quote.SetBidPrice(190_00000000 + ((ticksUp - 1) * tick));
        quote.SetBidSize(100);
        quote.SetAskPrice(190_00000000 + ((ticksUp + 1) * tick));
        quote.SetAskSize(100);
        quote.SetExchangeTs(exchangeTs);
        quote.SetReceiveTs(exchangeTs);
        return buffer;
    }

    public static byte[] KillSwitch(long correlationId, KillSwitchAction action)
    {
        var buffer = new byte[256];
        var command = KillSwitchCommandEncoder.WrapAndApplyHeader(buffer, 0);
        command.SetCorrelationId(correlationId);
        command.SetAction(action);
        command.SetSource("test:engine-process");
        command.SetReason("test");
        return buffer[..(KillSwitchCommandEncoder.HeaderLength + command.EncodedLength)];
    }

    /// <summary>Writes one record into another process's ring file, as a producer does.</summary>
    public static void Offer(string ringPath, int msgTypeId, byte[] message)
    {
        using RingBufferFile file = RingBufferFile.Open(ringPath);
        var ring = new ManyToOneRingBuffer(file.Buffer);
        Assert.Equal(WriteResult.Success, ring.Write(msgTypeId, message));
    }
}
