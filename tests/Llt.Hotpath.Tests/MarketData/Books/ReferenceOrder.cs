using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Books;

/// <summary>An order of <see cref="ReferenceL3Book"/>.</summary>
internal sealed class ReferenceOrder
{
    public required long Id { get; set; }

    public required Side Side { get; init; }

    public required long Price { get; set; }

    public required long Quantity { get; set; }
}
