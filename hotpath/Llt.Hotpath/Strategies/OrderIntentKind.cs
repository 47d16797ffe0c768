namespace Llt.Hotpath.Strategies;

public enum OrderIntentKind : byte
{
    New = 1,
    Cancel = 2,
    /// <summary>Amend a working order's price and/or quantity (FIX cancel/replace); the order keeps the id the strategy knows it by.</summary>
    Replace = 3,
}
