using Llt.Hotpath.Venues;

namespace Llt.Hotpath.Tests.Venues;

/// <summary>Collects polled reports for assertions.</summary>
internal sealed class ReportLog : IVenueReportHandler
{
    public List<VenueReport> Reports { get; } = new();

    public void OnReport(in VenueReport report) => Reports.Add(report);

    public List<VenueReport> Of(VenueReportKind kind) => Reports.FindAll(r => r.Kind == kind);
}
