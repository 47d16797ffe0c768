using System.Buffers.Binary;

namespace Llt.Hotpath.Feeds.Sequencing;

/// <summary>
/// A feed session's identity as a 16-byte value: MoldUDP64's 10 ASCII characters, IEX-TP's 32-bit session id.
/// Comparing two is two 64-bit compares. <c>default</c> means "no session yet".
/// </summary>
public readonly record struct SessionId(ulong High, ulong Low)
{
    public const int MaxAsciiLength = 16;

    public bool IsNone => High == 0 && Low == 0;

    /// <summary>Up to 16 bytes (longer input keeps the first 16), zero-padded.</summary>
    public static SessionId FromAscii(ReadOnlySpan<byte> bytes)
    {
        Span<byte> padded = stackalloc byte[MaxAsciiLength];
        padded.Clear();
        bytes.Slice(0, Math.Min(bytes.Length, MaxAsciiLength)).CopyTo(padded);
        return new SessionId(BinaryPrimitives.ReadUInt64BigEndian(padded), BinaryPrimitives.ReadUInt64BigEndian(padded.Slice(sizeof(ulong))));
    }

    public static SessionId FromNumber(ulong value) => new(0, value);

    /// <summary>Writes the first <c>destination.Length</c> (≤ 16) bytes of the ASCII form, the inverse of <see cref="FromAscii"/>.</summary>
    public void CopyAsciiTo(Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[MaxAsciiLength];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, High);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.Slice(sizeof(ulong)), Low);
        bytes.Slice(0, Math.Min(destination.Length, MaxAsciiLength)).CopyTo(destination);
    }
}
