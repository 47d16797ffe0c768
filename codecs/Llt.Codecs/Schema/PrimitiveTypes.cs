using System;

namespace Llt.Codecs.Schema;

/// <summary>Sizes, schema names and the SBE 1.0 default null/min/max values of the primitive types.</summary>
public static class PrimitiveTypes
{
    /// <summary>Encoded size in bytes.</summary>
    public static int Size(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Char:
            case PrimitiveType.Int8:
            case PrimitiveType.UInt8:
                return 1;
            case PrimitiveType.Int16:
            case PrimitiveType.UInt16:
                return 2;
            case PrimitiveType.Int32:
            case PrimitiveType.UInt32:
            case PrimitiveType.Float:
                return 4;
            default:
                return 8;
        }
    }

    /// <summary>The name used in schemas ("char", "int8", ..., "uint64", "float", "double").</summary>
    public static string SchemaName(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Char: return "char";
            case PrimitiveType.Int8: return "int8";
            case PrimitiveType.Int16: return "int16";
            case PrimitiveType.Int32: return "int32";
            case PrimitiveType.Int64: return "int64";
            case PrimitiveType.UInt8: return "uint8";
            case PrimitiveType.UInt16: return "uint16";
            case PrimitiveType.UInt32: return "uint32";
            case PrimitiveType.UInt64: return "uint64";
            case PrimitiveType.Float: return "float";
            default: return "double";
        }
    }

    public static bool TryParse(string name, out PrimitiveType type)
    {
        foreach (PrimitiveType candidate in All)
        {
            if (string.Equals(SchemaName(candidate), name, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }

        type = PrimitiveType.Char;
        return false;
    }

    public static readonly PrimitiveType[] All =
    {
        PrimitiveType.Char, PrimitiveType.Int8, PrimitiveType.Int16, PrimitiveType.Int32, PrimitiveType.Int64,
        PrimitiveType.UInt8, PrimitiveType.UInt16, PrimitiveType.UInt32, PrimitiveType.UInt64,
        PrimitiveType.Float, PrimitiveType.Double,
    };

    public static bool IsSigned(PrimitiveType type)
    {
        return type == PrimitiveType.Int8 || type == PrimitiveType.Int16 || type == PrimitiveType.Int32 || type == PrimitiveType.Int64;
    }

    public static bool IsUnsigned(PrimitiveType type)
    {
        return type == PrimitiveType.UInt8 || type == PrimitiveType.UInt16 || type == PrimitiveType.UInt32 || type == PrimitiveType.UInt64;
    }

    public static bool IsFloatingPoint(PrimitiveType type) => type == PrimitiveType.Float || type == PrimitiveType.Double;

    /// <summary>The spec's null sentinel: 0 for char, the minimum for signed, the maximum for unsigned, NaN for floats.</summary>
    public static PrimitiveValue DefaultNullValue(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Char: return PrimitiveValue.FromInt64(type, 0);
            case PrimitiveType.Int8: return PrimitiveValue.FromInt64(type, sbyte.MinValue);
            case PrimitiveType.Int16: return PrimitiveValue.FromInt64(type, short.MinValue);
            case PrimitiveType.Int32: return PrimitiveValue.FromInt64(type, int.MinValue);
            case PrimitiveType.Int64: return PrimitiveValue.FromInt64(type, long.MinValue);
            case PrimitiveType.UInt8: return PrimitiveValue.FromInt64(type, byte.MaxValue);
            case PrimitiveType.UInt16: return PrimitiveValue.FromInt64(type, ushort.MaxValue);
            case PrimitiveType.UInt32: return PrimitiveValue.FromInt64(type, uint.MaxValue);
            case PrimitiveType.UInt64: return PrimitiveValue.FromInt64(type, unchecked((long)ulong.MaxValue));
            default: return PrimitiveValue.FromDouble(type, double.NaN);
        }
    }

    /// <summary>The spec's minimum valid value (one above the null sentinel for signed types, 0x20 for char).</summary>
    public static PrimitiveValue DefaultMinValue(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Char: return PrimitiveValue.FromInt64(type, 0x20);
            case PrimitiveType.Int8: return PrimitiveValue.FromInt64(type, sbyte.MinValue + 1);
            case PrimitiveType.Int16: return PrimitiveValue.FromInt64(type, short.MinValue + 1);
            case PrimitiveType.Int32: return PrimitiveValue.FromInt64(type, int.MinValue + 1L);
            case PrimitiveType.Int64: return PrimitiveValue.FromInt64(type, long.MinValue + 1);
            case PrimitiveType.Float: return PrimitiveValue.FromDouble(type, -float.MaxValue);
            case PrimitiveType.Double: return PrimitiveValue.FromDouble(type, -double.MaxValue);
            default: return PrimitiveValue.FromInt64(type, 0);
        }
    }

    /// <summary>The spec's maximum valid value (one below the null sentinel for unsigned types, 0x7E for char).</summary>
    public static PrimitiveValue DefaultMaxValue(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Char: return PrimitiveValue.FromInt64(type, 0x7E);
            case PrimitiveType.Int8: return PrimitiveValue.FromInt64(type, sbyte.MaxValue);
            case PrimitiveType.Int16: return PrimitiveValue.FromInt64(type, short.MaxValue);
            case PrimitiveType.Int32: return PrimitiveValue.FromInt64(type, int.MaxValue);
            case PrimitiveType.Int64: return PrimitiveValue.FromInt64(type, long.MaxValue);
            case PrimitiveType.UInt8: return PrimitiveValue.FromInt64(type, byte.MaxValue - 1);
            case PrimitiveType.UInt16: return PrimitiveValue.FromInt64(type, ushort.MaxValue - 1);
            case PrimitiveType.UInt32: return PrimitiveValue.FromInt64(type, uint.MaxValue - 1L);
            case PrimitiveType.UInt64: return PrimitiveValue.FromInt64(type, unchecked((long)(ulong.MaxValue - 1)));
            case PrimitiveType.Float: return PrimitiveValue.FromDouble(type, float.MaxValue);
            default: return PrimitiveValue.FromDouble(type, double.MaxValue);
        }
    }

    /// <summary>Lowest representable integral value (char is treated as an unsigned byte); not meaningful for floats.</summary>
    public static long RangeLow(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Int8: return sbyte.MinValue;
            case PrimitiveType.Int16: return short.MinValue;
            case PrimitiveType.Int32: return int.MinValue;
            case PrimitiveType.Int64: return long.MinValue;
            default: return 0;
        }
    }

    /// <summary>Highest representable integral value (uint64 is capped at long.MaxValue; it is parsed separately).</summary>
    public static long RangeHigh(PrimitiveType type)
    {
        switch (type)
        {
            case PrimitiveType.Char:
            case PrimitiveType.UInt8: return byte.MaxValue;
            case PrimitiveType.Int8: return sbyte.MaxValue;
            case PrimitiveType.Int16: return short.MaxValue;
            case PrimitiveType.UInt16: return ushort.MaxValue;
            case PrimitiveType.Int32: return int.MaxValue;
            case PrimitiveType.UInt32: return uint.MaxValue;
            default: return long.MaxValue;
        }
    }
}
