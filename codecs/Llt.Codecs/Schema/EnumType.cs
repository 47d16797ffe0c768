using System;
using System.Collections.Generic;

namespace Llt.Codecs.Schema;

/// <summary>
/// An &lt;enum&gt; over char or an integer type. encodingType may name a primitive or an encoded type; in the
/// latter case <see cref="EncodingTypeRef"/> is that type and its nullValue is inherited unless overridden.
/// </summary>
public sealed class EnumType : SchemaType
{
    private readonly List<EnumValue> _values = new List<EnumValue>();

    internal EnumType(string name, PrimitiveType encodingType, PrimitiveValue nullValue, SchemaSource source)
        : base(name, SchemaTypeKind.Enum, source)
    {
        EncodingType = encodingType;
        NullValue = nullValue;
    }

    public PrimitiveType EncodingType { get; }

    /// <summary>The named type given as encodingType, or null when it was a primitive name.</summary>
    public EncodedType? EncodingTypeRef { get; internal set; }

    /// <summary>The value that means "no value": the nullValue attribute, else the encoding's null sentinel.</summary>
    public PrimitiveValue NullValue { get; }

    public IReadOnlyList<EnumValue> Values => _values;

    public override int EncodedLength => PrimitiveTypes.Size(EncodingType);

    public EnumValue? FindValue(string name)
    {
        foreach (EnumValue value in _values)
        {
            if (string.Equals(value.Name, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    internal void Add(EnumValue value) => _values.Add(value);
}
