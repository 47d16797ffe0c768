namespace Llt.Hotpath.Strategies;

public enum OrderIntentKind : byte
{
    New = 1,
    Cancel = 2,
}
