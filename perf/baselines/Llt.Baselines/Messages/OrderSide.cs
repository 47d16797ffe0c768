namespace Llt.Baselines.Messages;

public enum OrderSide
{
    Buy,
    Sell,
}
