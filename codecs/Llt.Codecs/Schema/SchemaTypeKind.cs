namespace Llt.Codecs.Schema;

/// <summary>Discriminates the subclasses of <see cref="SchemaType"/> so consumers can switch without type tests.</summary>
public enum SchemaTypeKind
{
    /// <summary><see cref="EncodedType"/>: a primitive, a fixed array of primitives, or a constant.</summary>
    Encoded,

    /// <summary><see cref="CompositeType"/>.</summary>
    Composite,

    /// <summary><see cref="EnumType"/>.</summary>
    Enum,

    /// <summary><see cref="SetType"/>.</summary>
    Set,
}
