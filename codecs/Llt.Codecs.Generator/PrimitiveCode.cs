using System;
using System.Globalization;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Generator;

/// <summary>C# spelling of primitive types, literals and the unaligned load/store expressions for one byte order.</summary>
internal static class PrimitiveCode
{
    public const string Inline = "[SbeMethodImpl(SbeMethodImplOptions.AggressiveInlining)]";

    public const string Runtime = "global::Llt.Codecs.Runtime";

    public static string CsType(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Char:
            case PrimitiveType.UInt8: return "byte";
            case PrimitiveType.Int8: return "sbyte";
            case PrimitiveType.Int16: return "short";
            case PrimitiveType.UInt16: return "ushort";
            case PrimitiveType.Int32: return "int";
            case PrimitiveType.UInt32: return "uint";
            case PrimitiveType.Int64: return "long";
            case PrimitiveType.UInt64: return "ulong";
            case PrimitiveType.Float: return "float";
            default: return "double";
        }
    }

    /// <summary>A constant expression of type <see cref="CsType"/>.</summary>
    public static string Literal(PrimitiveType type, PrimitiveValue value)
    {
        switch (type)
        {
            case PrimitiveType.Float:
            case PrimitiveType.Double:
                string cs = CsType(type);
                double d = value.DoubleValue;
                if (double.IsNaN(d))
                {
                    return cs + ".NaN";
                }

                if (double.IsPositiveInfinity(d))
                {
                    return cs + ".PositiveInfinity";
                }

                if (double.IsNegativeInfinity(d))
                {
                    return cs + ".NegativeInfinity";
                }

                string text = d.ToString("R", CultureInfo.InvariantCulture);
                if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0)
                {
                    text += ".0";
                }

                return type == PrimitiveType.Float ? "(float)(" + text + "D)" : "(" + text + "D)";
            case PrimitiveType.UInt64:
                return value.UInt64Value.ToString(CultureInfo.InvariantCulture) + "UL";
            case PrimitiveType.UInt32:
                return value.Int64Value.ToString(CultureInfo.InvariantCulture) + "U";
            case PrimitiveType.Int64:
                return value.Int64Value == long.MinValue ? "long.MinValue" : value.Int64Value.ToString(CultureInfo.InvariantCulture) + "L";
            case PrimitiveType.Int32:
                return value.Int64Value == int.MinValue ? "int.MinValue" : value.Int64Value.ToString(CultureInfo.InvariantCulture);
            default:
                return "(" + CsType(type) + ")(" + value.Int64Value.ToString(CultureInfo.InvariantCulture) + ")";
        }
    }

    /// <summary>An integer literal for an enum member or set bit in the enum's underlying type.</summary>
    public static string EnumLiteral(PrimitiveType type, long value)
    {
        if (type == PrimitiveType.UInt64)
        {
            return unchecked((ulong)value).ToString(CultureInfo.InvariantCulture) + "UL";
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    public static string Address(string offsetExpression)
    {
        return "ref SbeUnsafe.Add(ref _buffer, " + offsetExpression + ")";
    }

    public static string Read(ByteOrder order, PrimitiveType type, string address)
    {
        string cs = CsType(type);
        if (order == ByteOrder.LittleEndian || PrimitiveTypes.Size(type) == 1)
        {
            return "SbeUnsafe.ReadUnaligned<" + cs + ">(" + address + ")";
        }

        switch (type)
        {
            case PrimitiveType.Float:
                return "global::System.BitConverter.Int32BitsToSingle(SbeBinaryPrimitives.ReverseEndianness(SbeUnsafe.ReadUnaligned<int>(" + address + ")))";
            case PrimitiveType.Double:
                return "global::System.BitConverter.Int64BitsToDouble(SbeBinaryPrimitives.ReverseEndianness(SbeUnsafe.ReadUnaligned<long>(" + address + ")))";
            default:
                return "SbeBinaryPrimitives.ReverseEndianness(SbeUnsafe.ReadUnaligned<" + cs + ">(" + address + "))";
        }
    }

    public static string Write(ByteOrder order, PrimitiveType type, string address, string value)
    {
        string cs = CsType(type);
        if (order == ByteOrder.LittleEndian || PrimitiveTypes.Size(type) == 1)
        {
            return "SbeUnsafe.WriteUnaligned<" + cs + ">(" + address + ", " + value + ")";
        }

        switch (type)
        {
            case PrimitiveType.Float:
                return "SbeUnsafe.WriteUnaligned<int>(" + address + ", SbeBinaryPrimitives.ReverseEndianness(global::System.BitConverter.SingleToInt32Bits(" + value + ")))";
            case PrimitiveType.Double:
                return "SbeUnsafe.WriteUnaligned<long>(" + address + ", SbeBinaryPrimitives.ReverseEndianness(global::System.BitConverter.DoubleToInt64Bits(" + value + ")))";
            default:
                return "SbeUnsafe.WriteUnaligned<" + cs + ">(" + address + ", SbeBinaryPrimitives.ReverseEndianness(" + value + "))";
        }
    }

    /// <summary>The wire bytes of <paramref name="value"/> in <paramref name="order"/>, for null images of composites.</summary>
    public static byte[] Encode(ByteOrder order, PrimitiveType type, PrimitiveValue value)
    {
        int size = PrimitiveTypes.Size(type);
        long bits;
        if (type == PrimitiveType.Float)
        {
            bits = BitConverter.ToInt32(BitConverter.GetBytes((float)value.DoubleValue), 0);
        }
        else if (type == PrimitiveType.Double)
        {
            bits = BitConverter.DoubleToInt64Bits(value.DoubleValue);
        }
        else
        {
            bits = value.Int64Value;
        }

        var bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            int shift = order == ByteOrder.LittleEndian ? i * 8 : (size - 1 - i) * 8;
            bytes[i] = (byte)(bits >> shift);
        }

        return bytes;
    }

    /// <summary>Expression for the System.Text.Encoding of a schema characterEncoding.</summary>
    public static string EncodingExpression(string? characterEncoding)
    {
        string name = (characterEncoding ?? "US-ASCII").ToUpperInvariant();
        switch (name)
        {
            case "US-ASCII":
            case "ASCII":
                return "SbeEncoding.ASCII";
            case "UTF-8":
            case "UTF8":
                return "SbeEncoding.UTF8";
            case "ISO-8859-1":
            case "LATIN1":
                return "SbeEncoding.Latin1";
            case "UTF-16":
            case "UTF-16LE":
                return "SbeEncoding.Unicode";
            default:
                return "SbeEncoding.GetEncoding(" + Naming.Quote(characterEncoding!) + ")";
        }
    }
}
