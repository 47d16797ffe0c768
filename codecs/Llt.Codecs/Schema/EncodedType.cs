namespace Llt.Codecs.Schema;

/// <summary>
/// A &lt;type&gt;: one primitive, or a fixed array of <see cref="Length"/> primitives (a char array is a fixed-length
/// string in <see cref="CharacterEncoding"/>). A length of 0 only occurs as the varData member of a var data composite.
/// </summary>
public sealed class EncodedType : SchemaType
{
    internal EncodedType(string name, PrimitiveType primitive, SchemaSource source)
        : base(name, SchemaTypeKind.Encoded, source)
    {
        Primitive = primitive;
        Length = 1;
        NullValue = PrimitiveTypes.DefaultNullValue(primitive);
        MinValue = PrimitiveTypes.DefaultMinValue(primitive);
        MaxValue = PrimitiveTypes.DefaultMaxValue(primitive);
    }

    public PrimitiveType Primitive { get; }

    /// <summary>Number of elements: 1 for a scalar, &gt;1 for a fixed array, 0 for a varData payload.</summary>
    public int Length { get; internal set; }

    public Presence Presence { get; internal set; }

    /// <summary>The null sentinel: the nullValue attribute, else the spec default for the primitive.</summary>
    public PrimitiveValue NullValue { get; internal set; }

    public PrimitiveValue MinValue { get; internal set; }

    public PrimitiveValue MaxValue { get; internal set; }

    /// <summary>The constant when <see cref="Presence"/> is <see cref="Presence.Constant"/>; bytes for a char array.</summary>
    public PrimitiveValue? ConstantValue { get; internal set; }

    /// <summary>"Enum.Value" when the constant comes from an enum (valueRef), else null.</summary>
    public string? ValueRef { get; internal set; }

    /// <summary>The enum value named by <see cref="ValueRef"/>, resolved.</summary>
    public EnumValue? ValueRefValue { get; internal set; }

    /// <summary>characterEncoding attribute; "US-ASCII" by default for char types, null for others.</summary>
    public string? CharacterEncoding { get; internal set; }

    public bool IsArray => Length != 1;

    public bool IsCharArray => Primitive == PrimitiveType.Char && Length != 1;

    public bool IsConstant => Presence == Presence.Constant;

    public int ElementSize => PrimitiveTypes.Size(Primitive);

    public override int EncodedLength => IsConstant ? 0 : ElementSize * Length;
}
