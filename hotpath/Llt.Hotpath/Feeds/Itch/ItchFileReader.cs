using System.Buffers.Binary;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>
/// Reads ITCH 5.0 messages from the length-prefixed form NASDAQ distributes its daily files in (after
/// decompression): each message preceded by its length as a 2-byte big-endian integer. A plain value holding only
/// the position and counters, so a feed agent keeps it in a field and passes the (memory-mapped) file's span on each
/// call; messages are slices of that span. Nothing allocates.
/// </summary>
/// <example>
/// <code>
/// var reader = new ItchFileReader();
/// var handler = builder.Handler;
/// while (reader.Poll(file, ref handler, 4096) > 0) { }
/// if (reader.Error != ItchFileError.None) { /* cut file: reader.Position says where */ }
/// </code>
/// </example>
public struct ItchFileReader
{
    public const int LengthPrefixLength = 2;

    private int _position;
    private long _messagesRead;
    private ItchFileError _error;

    /// <summary>Offset of the next length prefix (after an error: of the prefix that could not be honoured).</summary>
    public readonly int Position => _position;

    public readonly long MessagesRead => _messagesRead;

    public readonly ItchFileError Error => _error;

    /// <summary>True at the clean end of <paramref name="file"/> or after an error.</summary>
    public readonly bool IsFinished(ReadOnlySpan<byte> file) => _error != ItchFileError.None || _position >= file.Length;

    /// <summary>
    /// True when <paramref name="file"/> starts with up to <paramref name="messagesToCheck"/> length-prefixed messages whose
    /// lengths match their ITCH 5.0 types: how a tool tells a raw ITCH file from a capture or anything else.
    /// </summary>
    public static bool LooksLikeItch(ReadOnlySpan<byte> file, int messagesToCheck = 4)
    {
        int position = 0;
        int checkedMessages = 0;
        while (checkedMessages < messagesToCheck && position + LengthPrefixLength < file.Length)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(position));
            if (length == 0 || position + LengthPrefixLength + length > file.Length
                || ItchDescriptor.LengthOf(file[position + LengthPrefixLength]) != length)
            {
                return false;
            }

            position += LengthPrefixLength + length;
            checkedMessages++;
        }

        return checkedMessages > 0;
    }

    /// <summary>The next message (type byte first; empty for a zero length prefix); false at the end or on an error.</summary>
    public bool TryReadNext(ReadOnlySpan<byte> file, out ReadOnlySpan<byte> message)
    {
        message = default;
        if (_error != ItchFileError.None)
        {
            return false;
        }

        int remaining = file.Length - _position;
        if (remaining <= 0)
        {
            return false;
        }

        if (remaining < LengthPrefixLength)
        {
            _error = ItchFileError.Truncated;
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(file.Slice(_position));
        if (length > remaining - LengthPrefixLength)
        {
            _error = ItchFileError.Truncated;
            return false;
        }

        message = file.Slice(_position + LengthPrefixLength, length);
        _position += LengthPrefixLength + length;
        _messagesRead++;
        return true;
    }

    /// <summary>Parses up to <paramref name="maxMessages"/> messages into <paramref name="handler"/>; returns how many were read.</summary>
    public int Poll<THandler>(ReadOnlySpan<byte> file, ref THandler handler, int maxMessages)
        where THandler : struct, IItchHandler
    {
        int read = 0;
        while (read < maxMessages && TryReadNext(file, out ReadOnlySpan<byte> message))
        {
            ItchParser.Parse(message, ref handler);
            read++;
        }

        return read;
    }
}
