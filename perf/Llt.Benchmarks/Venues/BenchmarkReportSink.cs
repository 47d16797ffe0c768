using Llt.Hotpath.Venues;

namespace Llt.Benchmarks.Venues;

/// <summary>Allocation-free report handler: counts reports and filled quantity so the work is observable.</summary>
internal struct BenchmarkReportSink : IVenueReportHandler
{
    public long Reports;
    public long FilledQty;

    public void OnReport(in VenueReport report)
    {
        Reports++;
        FilledQty += report.LastQty;
    }
}
