using Llt.Hotpath.Ipc;
using Llt.Sbe;

namespace Llt.Shell.Tests;

/// <summary>SBE messages a feed or operator puts on a running engine's rings, written from this process.</summary>
internal static class EngineTestMessages
{
    public static byte[] Quote(int instrumentId, long bidPrice, long askPrice)
    {
        var buffer = new byte[QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength];
        var quote = QuoteEncoder.WrapAndApplyHeader(buffer, 0);
        quote.SetInstrumentId(instrumentId);
        quote.SetFeedId(1);
        quote.SetBidPrice(bidPrice);
        quote.SetBidSize(100);
        quote.SetAskPrice(askPrice);
        quote.SetAskSize(100);
        quote.SetExchangeTs(1);
        quote.SetReceiveTs(1);
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
