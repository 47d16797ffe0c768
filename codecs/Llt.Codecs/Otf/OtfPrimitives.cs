using System.Buffers.Binary;
using System.Text.Json;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Otf;

/// <summary>
/// Reads and writes one primitive as raw bits in the schema's byte order, and converts between raw bits and JSON.
/// Raw bits are always zero-extended to 64; <see cref="ToInt64"/> sign-extends for the signed types so the result
/// compares directly with <see cref="PrimitiveValue.Int64Value"/>.
/// </summary>
internal static class OtfPrimitives
{
    /// <summary>Reads <paramref name="type"/> at the start of <paramref name="source"/>; the caller has bounds-checked it.</summary>
    public static ulong Read(ReadOnlySpan<byte> source, PrimitiveType type, bool bigEndian)
    {
        switch (PrimitiveTypes.Size(type))
        {
            case 1:
                return source[0];
            case 2:
                return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source);
            case 4:
                return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source);
            default:
                return bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(source) : BinaryPrimitives.ReadUInt64LittleEndian(source);
        }
    }

    /// <summary>Writes the low bytes of <paramref name="bits"/> as <paramref name="type"/>.</summary>
    public static void Write(Span<byte> destination, PrimitiveType type, ulong bits, bool bigEndian)
    {
        switch (PrimitiveTypes.Size(type))
        {
            case 1:
                destination[0] = unchecked((byte)bits);
                break;
            case 2:
                if (bigEndian)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(destination, unchecked((ushort)bits));
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(destination, unchecked((ushort)bits));
                }

                break;
            case 4:
                if (bigEndian)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(destination, unchecked((uint)bits));
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(destination, unchecked((uint)bits));
                }

                break;
            default:
                if (bigEndian)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(destination, bits);
                }
                else
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(destination, bits);
                }

                break;
        }
    }

    /// <summary>The value of integral or char raw bits as a long (uint64 as its bit pattern).</summary>
    public static long ToInt64(ulong raw, PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Int8: return unchecked((sbyte)raw);
            case PrimitiveType.Int16: return unchecked((short)raw);
            case PrimitiveType.Int32: return unchecked((int)raw);
            default: return unchecked((long)raw);
        }
    }

    /// <summary>The value of float or double raw bits.</summary>
    public static double ToDouble(ulong raw, PrimitiveType type)
    {
        return type == PrimitiveType.Float
            ? BitConverter.UInt32BitsToSingle(unchecked((uint)raw))
            : BitConverter.UInt64BitsToDouble(raw);
    }

    /// <summary>Raw bits of a schema value (null value, constant, enum value) of <paramref name="type"/>.</summary>
    public static ulong Bits(PrimitiveValue value, PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Float:
                return BitConverter.SingleToUInt32Bits((float)value.DoubleValue);
            case PrimitiveType.Double:
                return BitConverter.DoubleToUInt64Bits(value.DoubleValue);
            default:
                return unchecked((ulong)value.Int64Value);
        }
    }

    /// <summary>True when <paramref name="raw"/> is the null sentinel; any NaN matches a NaN sentinel.</summary>
    public static bool IsNull(ulong raw, PrimitiveType type, PrimitiveValue nullValue)
    {
        if (PrimitiveTypes.IsFloatingPoint(type))
        {
            double value = ToDouble(raw, type);
            return double.IsNaN(nullValue.DoubleValue) ? double.IsNaN(value) : value == nullValue.DoubleValue;
        }

        return ToInt64(raw, type) == nullValue.Int64Value;
    }

    /// <summary>
    /// Writes a non-char primitive as a JSON number. Non-finite floats have no JSON number, so they are written as
    /// the strings "NaN", "Infinity" and "-Infinity" (which <see cref="OtfEncoder"/> accepts back).
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, ulong raw, PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Float:
                float single = BitConverter.UInt32BitsToSingle(unchecked((uint)raw));
                if (float.IsFinite(single))
                {
                    writer.WriteNumberValue(single);
                }
                else
                {
                    writer.WriteStringValue(NonFiniteName(single));
                }

                break;
            case PrimitiveType.Double:
                double value = BitConverter.UInt64BitsToDouble(raw);
                if (double.IsFinite(value))
                {
                    writer.WriteNumberValue(value);
                }
                else
                {
                    writer.WriteStringValue(NonFiniteName(value));
                }

                break;
            case PrimitiveType.UInt64:
                writer.WriteNumberValue(raw);
                break;
            default:
                writer.WriteNumberValue(ToInt64(raw, type));
                break;
        }
    }

    /// <summary>Writes a scalar schema value (a constant) as JSON the same way wire values are written.</summary>
    public static void WriteJson(Utf8JsonWriter writer, PrimitiveValue value, PrimitiveType type)
    {
        WriteJson(writer, Bits(value, type), type);
    }

    private static string NonFiniteName(double value)
    {
        if (double.IsNaN(value))
        {
            return OtfJson.NaN;
        }

        return value > 0 ? OtfJson.PositiveInfinity : OtfJson.NegativeInfinity;
    }
}
