using System;
using System.Collections.Generic;
using System.Globalization;

namespace Llt.Codecs.Schema;

/// <summary>
/// A value of a primitive type taken from a schema (null/min/max, constants, enum values). Integral and char values
/// are held in <see cref="Int64Value"/> (uint64 as its bit pattern, read it through <see cref="UInt64Value"/>),
/// float and double in <see cref="DoubleValue"/>, constant char arrays in <see cref="Bytes"/>.
/// </summary>
public sealed class PrimitiveValue
{
    private readonly byte[]? _bytes;

    private PrimitiveValue(PrimitiveType type, long int64Value, double doubleValue, byte[]? bytes, string literal)
    {
        Type = type;
        Int64Value = int64Value;
        DoubleValue = doubleValue;
        _bytes = bytes;
        Literal = literal;
    }

    public PrimitiveType Type { get; }

    /// <summary>Integral or char value (char as its byte code); uint64 as its two's-complement bit pattern.</summary>
    public long Int64Value { get; }

    public ulong UInt64Value => unchecked((ulong)Int64Value);

    /// <summary>Float/double value (NaN for their null); for integral types the integral value converted.</summary>
    public double DoubleValue { get; }

    /// <summary>True when this value is a byte string (a constant char array) rather than a scalar.</summary>
    public bool IsBytes => _bytes != null;

    /// <summary>The bytes of a constant char array; empty for scalars.</summary>
    public IReadOnlyList<byte> Bytes => _bytes ?? Array.Empty<byte>();

    /// <summary>The value as written in the schema (or the spec's default spelled out).</summary>
    public string Literal { get; }

    public static PrimitiveValue FromInt64(PrimitiveType type, long value)
    {
        string literal = type == PrimitiveType.UInt64
            ? unchecked((ulong)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
        return new PrimitiveValue(type, value, type == PrimitiveType.UInt64 ? unchecked((ulong)value) : value, null, literal);
    }

    public static PrimitiveValue FromDouble(PrimitiveType type, double value)
    {
        return new PrimitiveValue(type, 0, value, null, value.ToString("R", CultureInfo.InvariantCulture));
    }

    public static PrimitiveValue FromBytes(byte[] bytes, string literal)
    {
        return new PrimitiveValue(PrimitiveType.Char, 0, 0, bytes, literal);
    }

    /// <summary>
    /// Parses a schema literal: a number for integral/float types, a single character (or its decimal code when
    /// longer than one character) for char. Returns null when the text is not a valid value of the type.
    /// </summary>
    public static PrimitiveValue? TryParse(PrimitiveType type, string text)
    {
        string trimmed = text.Trim();
        switch (type)
        {
            case PrimitiveType.Char:
                if (text.Length == 1)
                {
                    return text[0] <= 0xFF ? FromInt64(type, text[0]) : null;
                }

                return TryParseInteger(type, trimmed);
            case PrimitiveType.Float:
            case PrimitiveType.Double:
                if (string.Equals(trimmed, "NaN", StringComparison.OrdinalIgnoreCase))
                {
                    return FromDouble(type, double.NaN);
                }

                if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                {
                    return FromDouble(type, d);
                }

                return null;
            default:
                return TryParseInteger(type, trimmed);
        }
    }

    public override string ToString() => Literal;

    private static PrimitiveValue? TryParseInteger(PrimitiveType type, string text)
    {
        if (type == PrimitiveType.UInt64)
        {
            return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong u)
                ? FromInt64(type, unchecked((long)u))
                : null;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v))
        {
            return null;
        }

        return v >= PrimitiveTypes.RangeLow(type) && v <= PrimitiveTypes.RangeHigh(type) ? FromInt64(type, v) : null;
    }
}
