using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>What two feeds publish into an engine's md.ring in the failover tests: quotes and FeedHealth signals, stamped now.</summary>
internal static class FeedMessages
{
    /// <summary>Lost messages a Gap signal reports.</summary>
    public const uint GapCount = 12;

    /// <summary>A quote from <paramref name="feed"/>, bid at 190.00 + <paramref name="ticks"/>, ask two ticks above.</summary>
    public static void Quote(EngineHarness h, byte feed, int ticks, int instrumentId = EngineMessages.Aapl)
    {
        var buffer = new byte[QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength];
        var quote = QuoteEncoder.WrapAndApplyHeader(buffer, 0);
        long now = h.Clock.NanoTime();
        quote.SetInstrumentId(instrumentId);
        quote.SetFlags(QuoteFlags.None);
        quote.SetFeedId(feed);
        quote.SetBidPrice(EngineMessages.AaplPrice + (ticks * EngineMessages.Tick));
        quote.SetBidSize(100);
        quote.SetAskPrice(EngineMessages.AaplPrice + ((ticks + 2) * EngineMessages.Tick));
        quote.SetAskSize(200);
        quote.SetExchangeTs((ulong)now);
        quote.SetReceiveTs((ulong)now);
        h.WriteMd(QuoteEncoder.TemplateId, buffer);
    }

    /// <summary>A FeedHealth <paramref name="signal"/> from <paramref name="feed"/>'s handler (a Gap reports <see cref="GapCount"/> lost).</summary>
    public static void Health(EngineHarness h, byte feed, FeedSignal signal)
    {
        var buffer = new byte[FeedHealthEncoder.HeaderLength + FeedHealthEncoder.BlockLength];
        var health = FeedHealthEncoder.WrapAndApplyHeader(buffer, 0);
        health.SetFeedId(feed);
        health.SetSignal(signal);
        health.SetSequence(0);
        health.SetGapCount(signal == FeedSignal.Gap ? GapCount : 0u);
        health.SetReceiveTs((ulong)h.Clock.NanoTime());
        h.WriteMd(FeedHealthEncoder.TemplateId, buffer);
    }
}
