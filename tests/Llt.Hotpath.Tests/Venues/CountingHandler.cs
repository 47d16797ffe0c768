using Llt.Hotpath.Venues;

namespace Llt.Hotpath.Tests.Venues;

/// <summary>Allocation-free handler for the zero-allocation test.</summary>
internal struct CountingHandler : IVenueReportHandler
{
    public int Count;
    public long FilledQty;

    public void OnReport(in VenueReport report)
    {
        Count++;
        if (report.Kind == VenueReportKind.Fill)
        {
            FilledQty += report.LastQty;
        }
    }
}
