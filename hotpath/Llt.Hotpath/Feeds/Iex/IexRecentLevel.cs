namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// One price level update <see cref="DeepBookBuilder{TListener}"/> applied, remembered in its ring of recent
/// updates so a recovered (older) update can be checked against newer ones at the same price. 24 bytes.
/// </summary>
internal struct IexRecentLevel
{
    public int BookIndex;
    public byte Side;

    /// <summary>Applied out of sequence order, as part of a recovered run.</summary>
    public bool Recovered;

    public long RawPrice;
    public long Sequence;
}
