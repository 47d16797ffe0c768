namespace Llt.Hotpath.Orders;

/// <summary>How a routed child order ended.</summary>
public enum ChildClose
{
    Filled,
    Canceled,
    Rejected,
}
