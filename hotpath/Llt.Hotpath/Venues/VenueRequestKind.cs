namespace Llt.Hotpath.Venues;

internal enum VenueRequestKind : byte
{
    New = 0,
    Cancel,
    Replace,
}
