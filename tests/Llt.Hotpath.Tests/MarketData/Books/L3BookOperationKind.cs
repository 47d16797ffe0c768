namespace Llt.Hotpath.Tests.MarketData.Books;

internal enum L3BookOperationKind
{
    Add,
    Modify,
    Replace,
    Execute,
    Cancel,
    Delete,
}
