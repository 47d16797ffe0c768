using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// Dispatches one ITCH 5.0 message (type byte first, no length prefix) to the matching method of an
/// <see cref="IItchHandler"/>. Never throws: an empty message, an unknown type or a length that disagrees with the
/// type goes to <see cref="IItchHandler.OnMalformed"/>. Generic over a struct handler, so the JIT compiles one
/// switch per handler type with direct (inlinable) calls.
/// </summary>
public static class ItchParser
{
    /// <summary>Parses <paramref name="message"/> into <paramref name="handler"/>; false when it was malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Parse<THandler>(ReadOnlySpan<byte> message, ref THandler handler)
        where THandler : struct, IItchHandler
    {
        if (message.IsEmpty)
        {
            handler.OnMalformed(ItchMalformedReason.Empty, message);
            return false;
        }

        switch (message[ItchDescriptor.MessageTypeOffset])
        {
            case ItchDescriptor.SystemEvent.Type:
                if (message.Length != ItchDescriptor.SystemEvent.Length)
                {
                    break;
                }

                handler.OnSystemEvent(new ItchSystemEvent(message));
                return true;
            case ItchDescriptor.StockDirectory.Type:
                if (message.Length != ItchDescriptor.StockDirectory.Length)
                {
                    break;
                }

                handler.OnStockDirectory(new ItchStockDirectory(message));
                return true;
            case ItchDescriptor.StockTradingAction.Type:
                if (message.Length != ItchDescriptor.StockTradingAction.Length)
                {
                    break;
                }

                handler.OnStockTradingAction(new ItchStockTradingAction(message));
                return true;
            case ItchDescriptor.RegShoRestriction.Type:
                if (message.Length != ItchDescriptor.RegShoRestriction.Length)
                {
                    break;
                }

                handler.OnRegShoRestriction(new ItchRegShoRestriction(message));
                return true;
            case ItchDescriptor.MarketParticipantPosition.Type:
                if (message.Length != ItchDescriptor.MarketParticipantPosition.Length)
                {
                    break;
                }

                handler.OnMarketParticipantPosition(new ItchMarketParticipantPosition(message));
                return true;
            case ItchDescriptor.MwcbDeclineLevel.Type:
                if (message.Length != ItchDescriptor.MwcbDeclineLevel.Length)
                {
                    break;
                }

                handler.OnMwcbDeclineLevel(new ItchMwcbDeclineLevel(message));
                return true;
            case ItchDescriptor.MwcbStatus.Type:
                if (message.Length != ItchDescriptor.MwcbStatus.Length)
                {
                    break;
                }

                handler.OnMwcbStatus(new ItchMwcbStatus(message));
                return true;
            case ItchDescriptor.IpoQuotingPeriodUpdate.Type:
                if (message.Length != ItchDescriptor.IpoQuotingPeriodUpdate.Length)
                {
                    break;
                }

                handler.OnIpoQuotingPeriodUpdate(new ItchIpoQuotingPeriodUpdate(message));
                return true;
            case ItchDescriptor.LuldAuctionCollar.Type:
                if (message.Length != ItchDescriptor.LuldAuctionCollar.Length)
                {
                    break;
                }

                handler.OnLuldAuctionCollar(new ItchLuldAuctionCollar(message));
                return true;
            case ItchDescriptor.OperationalHalt.Type:
                if (message.Length != ItchDescriptor.OperationalHalt.Length)
                {
                    break;
                }

                handler.OnOperationalHalt(new ItchOperationalHalt(message));
                return true;
            case ItchDescriptor.AddOrder.Type:
                if (message.Length != ItchDescriptor.AddOrder.Length)
                {
                    break;
                }

                handler.OnAddOrder(new ItchAddOrder(message));
                return true;
            case ItchDescriptor.AddOrderMpid.Type:
                if (message.Length != ItchDescriptor.AddOrderMpid.Length)
                {
                    break;
                }

                handler.OnAddOrderMpid(new ItchAddOrderMpid(message));
                return true;
            case ItchDescriptor.OrderExecuted.Type:
                if (message.Length != ItchDescriptor.OrderExecuted.Length)
                {
                    break;
                }

                handler.OnOrderExecuted(new ItchOrderExecuted(message));
                return true;
            case ItchDescriptor.OrderExecutedWithPrice.Type:
                if (message.Length != ItchDescriptor.OrderExecutedWithPrice.Length)
                {
                    break;
                }

                handler.OnOrderExecutedWithPrice(new ItchOrderExecutedWithPrice(message));
                return true;
            case ItchDescriptor.OrderCancel.Type:
                if (message.Length != ItchDescriptor.OrderCancel.Length)
                {
                    break;
                }

                handler.OnOrderCancel(new ItchOrderCancel(message));
                return true;
            case ItchDescriptor.OrderDelete.Type:
                if (message.Length != ItchDescriptor.OrderDelete.Length)
                {
                    break;
                }

                handler.OnOrderDelete(new ItchOrderDelete(message));
                return true;
            case ItchDescriptor.OrderReplace.Type:
                if (message.Length != ItchDescriptor.OrderReplace.Length)
                {
                    break;
                }

                handler.OnOrderReplace(new ItchOrderReplace(message));
                return true;
            case ItchDescriptor.Trade.Type:
                if (message.Length != ItchDescriptor.Trade.Length)
                {
                    break;
                }

                handler.OnTrade(new ItchTrade(message));
                return true;
            case ItchDescriptor.CrossTrade.Type:
                if (message.Length != ItchDescriptor.CrossTrade.Length)
                {
                    break;
                }

                handler.OnCrossTrade(new ItchCrossTrade(message));
                return true;
            case ItchDescriptor.BrokenTrade.Type:
                if (message.Length != ItchDescriptor.BrokenTrade.Length)
                {
                    break;
                }

                handler.OnBrokenTrade(new ItchBrokenTrade(message));
                return true;
            case ItchDescriptor.NetOrderImbalanceIndicator.Type:
                if (message.Length != ItchDescriptor.NetOrderImbalanceIndicator.Length)
                {
                    break;
                }

                handler.OnNetOrderImbalanceIndicator(new ItchNetOrderImbalanceIndicator(message));
                return true;
            case ItchDescriptor.RetailPriceImprovementIndicator.Type:
                if (message.Length != ItchDescriptor.RetailPriceImprovementIndicator.Length)
                {
                    break;
                }

                handler.OnRetailPriceImprovementIndicator(new ItchRetailPriceImprovementIndicator(message));
                return true;
            case ItchDescriptor.DirectListingWithCapitalRaise.Type:
                if (message.Length != ItchDescriptor.DirectListingWithCapitalRaise.Length)
                {
                    break;
                }

                handler.OnDirectListingWithCapitalRaise(new ItchDirectListingWithCapitalRaise(message));
                return true;
            default:
                handler.OnMalformed(ItchMalformedReason.UnknownType, message);
                return false;
        }

        handler.OnMalformed(ItchMalformedReason.LengthMismatch, message);
        return false;
    }
}
