using Llt.Sbe;

namespace Llt.Hotpath.MarketData.Simulation;

/// <summary>What a <see cref="SimulatedEvent"/> is; the value is the SBE templateId it is encoded as.</summary>
public enum SimulatedEventKind
{
    Quote = QuoteEncoder.TemplateId,
    Trade = TradeEncoder.TemplateId,
}
