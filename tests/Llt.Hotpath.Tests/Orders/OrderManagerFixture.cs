using Llt.Hotpath.Orders;

namespace Llt.Hotpath.Tests.Orders;

internal static class OrderManagerFixture
{
    public const long AckTimeoutNs = 1_000_000;

    public static OrderManager Create(int capacity = 16, int maxInFlight = 16, int closedHistory = 64) =>
        new(new OrderManagerConfig(capacity, maxInFlight, AckTimeoutNs, closedHistory));
}
