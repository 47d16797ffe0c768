namespace Llt.Hotpath.Feeds.Iex;

/// <summary>The message protocol an IEX-TP segment carries (its Message Protocol ID); selects the message table.</summary>
public enum IexProtocol : ushort
{
    /// <summary>Not a protocol this decoder knows.</summary>
    Unknown = 0,

    Tops = IexTpDescriptor.TopsProtocolId,

    Deep = IexTpDescriptor.DeepProtocolId,

    DeepPlus = IexTpDescriptor.DeepPlusProtocolId,
}
