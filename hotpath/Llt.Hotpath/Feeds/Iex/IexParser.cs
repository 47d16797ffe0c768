using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// Decodes one IEX message (the bytes after its IEX-TP length field) and calls the matching
/// <see cref="IIexHandler"/> method. TOPS, DEEP and DEEP+ reuse type letters with different meanings and sets
/// (e.g. 'C' is Clear Book only in DEEP+, 'Q' exists only in TOPS), so the segment's protocol selects the
/// table. A message is checked against its type's length before any field is read; a longer message is
/// accepted (IEX may append fields) and decoded by its known prefix. Bad input never throws: the handler
/// gets <see cref="IIexHandler.OnMalformed"/> and the reason is returned so the caller can count it.
/// </summary>
public static class IexParser
{
    /// <returns><see cref="IexMalformedReason.None"/> when a handler method received the message.</returns>
    public static IexMalformedReason Parse<THandler>(IexProtocol protocol, ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        if (message.IsEmpty)
        {
            return Malformed(IexMalformedReason.Empty, message, ref handler);
        }

        byte type = IexBytes.UInt8(message, IexMessageDescriptor.MessageTypeOffset);
        return protocol switch
        {
            IexProtocol.Deep => ParseDeep(type, message, ref handler),
            IexProtocol.Tops => ParseTops(type, message, ref handler),
            IexProtocol.DeepPlus => ParseDeepPlus(type, message, ref handler),
            _ => Malformed(IexMalformedReason.UnknownProtocol, message, ref handler),
        };
    }

    /// <summary>The spec length of <paramref name="messageType"/> in <paramref name="protocol"/>, or 0 when the protocol has no such type.</summary>
    public static int MessageLength(IexProtocol protocol, byte messageType)
    {
        int shared = SharedLength(messageType);
        return protocol switch
        {
            IexProtocol.Tops => messageType switch
            {
                TopsDescriptor.QuoteUpdateType => TopsDescriptor.QuoteUpdateLength,
                IexMessageDescriptor.OfficialPriceType => IexMessageDescriptor.OfficialPriceLength,
                IexMessageDescriptor.AuctionInformationType => IexMessageDescriptor.AuctionInformationLength,
                _ => shared,
            },
            IexProtocol.Deep => messageType switch
            {
                DeepDescriptor.PriceLevelUpdateBuyType or DeepDescriptor.PriceLevelUpdateSellType => DeepDescriptor.PriceLevelUpdateLength,
                IexMessageDescriptor.SecurityEventType => IexMessageDescriptor.SecurityEventLength,
                IexMessageDescriptor.OfficialPriceType => IexMessageDescriptor.OfficialPriceLength,
                IexMessageDescriptor.AuctionInformationType => IexMessageDescriptor.AuctionInformationLength,
                _ => shared,
            },
            IexProtocol.DeepPlus => messageType switch
            {
                DeepPlusDescriptor.AddOrderType => DeepPlusDescriptor.AddOrderLength,
                DeepPlusDescriptor.OrderModifyType => DeepPlusDescriptor.OrderModifyLength,
                DeepPlusDescriptor.OrderDeleteType => DeepPlusDescriptor.OrderDeleteLength,
                DeepPlusDescriptor.OrderExecutedType => DeepPlusDescriptor.OrderExecutedLength,
                DeepPlusDescriptor.ClearBookType => DeepPlusDescriptor.ClearBookLength,
                IexMessageDescriptor.SecurityEventType => IexMessageDescriptor.SecurityEventLength,
                _ => shared,
            },
            _ => 0,
        };
    }

    /// <summary>Lengths of the messages all three protocols carry.</summary>
    private static int SharedLength(byte messageType) => messageType switch
    {
        IexMessageDescriptor.SystemEventType => IexMessageDescriptor.SystemEventLength,
        IexMessageDescriptor.SecurityDirectoryType => IexMessageDescriptor.SecurityDirectoryLength,
        IexMessageDescriptor.TradingStatusType => IexMessageDescriptor.TradingStatusLength,
        IexMessageDescriptor.RetailLiquidityIndicatorType => IexMessageDescriptor.RetailLiquidityIndicatorLength,
        IexMessageDescriptor.OperationalHaltStatusType => IexMessageDescriptor.OperationalHaltStatusLength,
        IexMessageDescriptor.ShortSalePriceTestStatusType => IexMessageDescriptor.ShortSalePriceTestStatusLength,
        IexMessageDescriptor.TradeReportType => IexMessageDescriptor.TradeReportLength,
        IexMessageDescriptor.TradeBreakType => IexMessageDescriptor.TradeReportLength,
        _ => 0,
    };

    private static IexMalformedReason ParseDeep<THandler>(byte type, ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        switch (type)
        {
            case DeepDescriptor.PriceLevelUpdateBuyType:
            case DeepDescriptor.PriceLevelUpdateSellType:
                if (message.Length < DeepDescriptor.PriceLevelUpdateLength)
                {
                    return Malformed(IexMalformedReason.TooShort, message, ref handler);
                }

                handler.OnPriceLevelUpdate(new PriceLevelUpdateMessage(message));
                return IexMalformedReason.None;
            case IexMessageDescriptor.TradeReportType:
                return TradeReport(message, ref handler);
            case IexMessageDescriptor.SecurityEventType:
                return SecurityEvent(message, ref handler);
            case IexMessageDescriptor.OfficialPriceType:
                return OfficialPrice(message, ref handler);
            case IexMessageDescriptor.AuctionInformationType:
                return AuctionInformation(message, ref handler);
            default:
                return Shared(type, message, ref handler);
        }
    }

    private static IexMalformedReason ParseTops<THandler>(byte type, ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        switch (type)
        {
            case TopsDescriptor.QuoteUpdateType:
                if (message.Length < TopsDescriptor.QuoteUpdateLength)
                {
                    return Malformed(IexMalformedReason.TooShort, message, ref handler);
                }

                handler.OnQuoteUpdate(new QuoteUpdateMessage(message));
                return IexMalformedReason.None;
            case IexMessageDescriptor.TradeReportType:
                return TradeReport(message, ref handler);
            case IexMessageDescriptor.OfficialPriceType:
                return OfficialPrice(message, ref handler);
            case IexMessageDescriptor.AuctionInformationType:
                return AuctionInformation(message, ref handler);
            default:
                return Shared(type, message, ref handler);
        }
    }

    private static IexMalformedReason ParseDeepPlus<THandler>(byte type, ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        switch (type)
        {
            case DeepPlusDescriptor.AddOrderType:
                if (message.Length < DeepPlusDescriptor.AddOrderLength)
                {
                    return Malformed(IexMalformedReason.TooShort, message, ref handler);
                }

                byte side = IexBytes.UInt8(message, IexMessageDescriptor.SecondByteOffset);
                if (side != DeepPlusDescriptor.SideBuy && side != DeepPlusDescriptor.SideSell)
                {
                    return Malformed(IexMalformedReason.InvalidSide, message, ref handler);
                }

                handler.OnAddOrder(new AddOrderMessage(message));
                return IexMalformedReason.None;
            case DeepPlusDescriptor.OrderModifyType:
                if (message.Length < DeepPlusDescriptor.OrderModifyLength)
                {
                    return Malformed(IexMalformedReason.TooShort, message, ref handler);
                }

                handler.OnOrderModify(new OrderModifyMessage(message));
                return IexMalformedReason.None;
            case DeepPlusDescriptor.OrderDeleteType:
                if (message.Length < DeepPlusDescriptor.OrderDeleteLength)
                {
                    return Malformed(IexMalformedReason.TooShort, message, ref handler);
                }

                handler.OnOrderDelete(new OrderDeleteMessage(message));
                return IexMalformedReason.None;
            case DeepPlusDescriptor.OrderExecutedType:
                if (message.Length < DeepPlusDescriptor.OrderExecutedLength)
                {
                    return Malformed(IexMalformedReason.TooShort, message, ref handler);
                }

                handler.OnOrderExecuted(new OrderExecutedMessage(message));
                return IexMalformedReason.None;
            case DeepPlusDescriptor.ClearBookType:
                if (message.Length < DeepPlusDescriptor.ClearBookLength)
                {
                    return Malformed(IexMalformedReason.TooShort, message, ref handler);
                }

                handler.OnClearBook(new ClearBookMessage(message));
                return IexMalformedReason.None;
            case IexMessageDescriptor.TradeReportType:
                return TradeReport(message, ref handler);
            case IexMessageDescriptor.SecurityEventType:
                return SecurityEvent(message, ref handler);
            default:
                return Shared(type, message, ref handler);
        }
    }

    /// <summary>The administrative messages and Trade Break, identical in TOPS, DEEP and DEEP+.</summary>
    private static IexMalformedReason Shared<THandler>(byte type, ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        int length = SharedLength(type);
        if (length == 0)
        {
            return Malformed(IexMalformedReason.UnknownMessageType, message, ref handler);
        }

        if (message.Length < length)
        {
            return Malformed(IexMalformedReason.TooShort, message, ref handler);
        }

        switch (type)
        {
            case IexMessageDescriptor.SystemEventType:
                handler.OnSystemEvent(new SystemEventMessage(message));
                break;
            case IexMessageDescriptor.SecurityDirectoryType:
                handler.OnSecurityDirectory(new SecurityDirectoryMessage(message));
                break;
            case IexMessageDescriptor.TradingStatusType:
                handler.OnTradingStatus(new TradingStatusMessage(message));
                break;
            case IexMessageDescriptor.RetailLiquidityIndicatorType:
                handler.OnRetailLiquidityIndicator(new RetailLiquidityIndicatorMessage(message));
                break;
            case IexMessageDescriptor.OperationalHaltStatusType:
                handler.OnOperationalHaltStatus(new OperationalHaltStatusMessage(message));
                break;
            case IexMessageDescriptor.ShortSalePriceTestStatusType:
                handler.OnShortSalePriceTestStatus(new ShortSalePriceTestStatusMessage(message));
                break;
            case IexMessageDescriptor.TradeBreakType:
                handler.OnTradeBreak(new TradeBreakMessage(message));
                break;
            default:
                // TradeReport is in SharedLength for MessageLength's sake but every table routes it before here
                return Malformed(IexMalformedReason.UnknownMessageType, message, ref handler);
        }

        return IexMalformedReason.None;
    }

    private static IexMalformedReason TradeReport<THandler>(ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        if (message.Length < IexMessageDescriptor.TradeReportLength)
        {
            return Malformed(IexMalformedReason.TooShort, message, ref handler);
        }

        handler.OnTradeReport(new TradeReportMessage(message));
        return IexMalformedReason.None;
    }

    private static IexMalformedReason SecurityEvent<THandler>(ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        if (message.Length < IexMessageDescriptor.SecurityEventLength)
        {
            return Malformed(IexMalformedReason.TooShort, message, ref handler);
        }

        handler.OnSecurityEvent(new SecurityEventMessage(message));
        return IexMalformedReason.None;
    }

    private static IexMalformedReason OfficialPrice<THandler>(ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        if (message.Length < IexMessageDescriptor.OfficialPriceLength)
        {
            return Malformed(IexMalformedReason.TooShort, message, ref handler);
        }

        handler.OnOfficialPrice(new OfficialPriceMessage(message));
        return IexMalformedReason.None;
    }

    private static IexMalformedReason AuctionInformation<THandler>(ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        if (message.Length < IexMessageDescriptor.AuctionInformationLength)
        {
            return Malformed(IexMalformedReason.TooShort, message, ref handler);
        }

        handler.OnAuctionInformation(new AuctionInformationMessage(message));
        return IexMalformedReason.None;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IexMalformedReason Malformed<THandler>(IexMalformedReason reason, ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IIexHandler
    {
        handler.OnMalformed(reason, message);
        return reason;
    }
}
