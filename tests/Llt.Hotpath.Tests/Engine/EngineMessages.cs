using Llt.Sbe;

namespace Llt.Hotpath.Tests.Engine;

/// <summary>Complete SBE messages (header included) as producers put them on md.ring and cmd.ring.</summary>
internal static class EngineMessages
{
    /// <summary>Instrument 0 of the default instruments (AAPL, starts at 190.00, tick 0.01).</summary>
    public const int Aapl = 0;

    /// <summary>One tick (0.01) in fixed-point 10^-8.</summary>
    public const long Tick = 1_000_000;

    /// <summary>190.00 in fixed-point 10^-8: AAPL's start price.</summary>
    public const long AaplPrice = 190_00000000;

    /// <summary>A valid AAPL quote one tick either side of 190.00, <paramref name="ticksUp"/> ticks higher.</summary>
    public static byte[] Quote(ulong exchangeTs, int ticksUp = 0) =>
        Quote(Aapl, AaplPrice + ((ticksUp - 1) * Tick), AaplPrice + ((ticksUp + 1) * Tick), exchangeTs);

    public static byte[] Quote(int instrumentId, long bidPrice, long askPrice, ulong exchangeTs)
    {
        var buffer = new byte[QuoteEncoder.HeaderLength + QuoteEncoder.BlockLength];
        WriteQuote(buffer, instrumentId, bidPrice, askPrice, exchangeTs);
        return buffer;
    }

    /// <summary>Encodes a Quote into <paramref name="buffer"/> without allocating; returns its length.</summary>
    public static int WriteQuote(Span<byte> buffer, int instrumentId, long bidPrice, long askPrice, ulong exchangeTs)
    {
        var quote = QuoteEncoder.WrapAndApplyHeader(buffer, 0);
        quote.SetInstrumentId(instrumentId);
        quote.SetFlags(QuoteFlags.None);
        quote.SetFeedId(1);
        quote.SetBidPrice(bidPrice);
        quote.SetBidSize(100);
        quote.SetAskPrice(askPrice);
        quote.SetAskSize(200);
        quote.SetExchangeTs(exchangeTs);
        quote.SetReceiveTs(exchangeTs);
        return QuoteEncoder.HeaderLength + quote.EncodedLength;
    }

    public static byte[] KillSwitch(long correlationId, KillSwitchAction action, string source = "test:ops", string reason = "test")
    {
        var buffer = new byte[1024];
        var command = KillSwitchCommandEncoder.WrapAndApplyHeader(buffer, 0);
        command.SetCorrelationId(correlationId);
        command.SetAction(action);
        command.SetSource(source);
        command.SetReason(reason);
        return buffer[..(KillSwitchCommandEncoder.HeaderLength + command.EncodedLength)];
    }

    public static byte[] SetLimit(long correlationId, LimitType type, LimitScope scope, int instrumentId, short strategyId, long value)
    {
        var buffer = new byte[512];
        var command = SetLimitEncoder.WrapAndApplyHeader(buffer, 0);
        command.SetCorrelationId(correlationId);
        command.SetLimitType(type);
        command.SetScope(scope);
        command.SetInstrumentId(instrumentId);
        command.SetStrategyId(strategyId);
        command.SetValue(value);
        command.SetSource("test:ops");
        return buffer[..(SetLimitEncoder.HeaderLength + command.EncodedLength)];
    }

    public static byte[] StrategyControl(long correlationId, short strategyId, StrategyAction action)
    {
        var buffer = new byte[512];
        var command = StrategyControlEncoder.WrapAndApplyHeader(buffer, 0);
        command.SetCorrelationId(correlationId);
        command.SetStrategyId(strategyId);
        command.SetAction(action);
        command.SetSource("test:ops");
        return buffer[..(StrategyControlEncoder.HeaderLength + command.EncodedLength)];
    }
}
