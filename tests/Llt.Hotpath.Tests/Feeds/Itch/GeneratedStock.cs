namespace Llt.Hotpath.Tests.Feeds.Itch;

/// <summary>A stock of a generated session; <see cref="Mid"/> is a Price(4) wire value.</summary>
internal sealed record GeneratedStock(ushort Locate, string Symbol, uint Mid);
