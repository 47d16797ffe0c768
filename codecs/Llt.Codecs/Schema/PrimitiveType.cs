namespace Llt.Codecs.Schema;

/// <summary>The SBE 1.0 primitive encodings. <see cref="Char"/> is a single byte (US-ASCII by default).</summary>
public enum PrimitiveType
{
    Char,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float,
    Double,
}
