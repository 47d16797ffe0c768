namespace Llt.Baselines.Messages;

public enum OrderStatus
{
    New,
    Filled,
    Rejected,
}
