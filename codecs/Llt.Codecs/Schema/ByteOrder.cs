namespace Llt.Codecs.Schema;

/// <summary>Byte order of every multi-byte value in messages of a schema (messageSchema/@byteOrder).</summary>
public enum ByteOrder
{
    LittleEndian,
    BigEndian,
}
