using Llt.Sbe;

namespace Llt.Hotpath.Tests.MarketData.Books;

/// <summary>One generated L3 operation for the property test.</summary>
internal readonly record struct L3BookOperation(L3BookOperationKind Kind, long Id, Side Side, long Price, long Quantity, long NewId)
{
    public override string ToString() => $"{Kind}(id {Id}, {Side}, px {Price}, qty {Quantity}, new {NewId})";
}
