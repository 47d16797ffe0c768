namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>An <see cref="IGapHandler"/> that does nothing: declared gaps are only counted.</summary>
public struct NoGapHandler : IGapHandler
{
    public readonly void OnGapDeclared(long from, long to)
    {
    }
}
