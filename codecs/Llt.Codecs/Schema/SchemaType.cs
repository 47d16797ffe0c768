namespace Llt.Codecs.Schema;

/// <summary>
/// A named type from &lt;types&gt; (or declared inline in a composite): <see cref="EncodedType"/>,
/// <see cref="CompositeType"/>, <see cref="EnumType"/> or <see cref="SetType"/>. Types are immutable once parsed.
/// </summary>
public abstract class SchemaType
{
    private protected SchemaType(string name, SchemaTypeKind kind, SchemaSource source)
    {
        Name = name;
        Kind = kind;
        Source = source;
    }

    public string Name { get; }

    public SchemaTypeKind Kind { get; }

    public string? Description { get; internal set; }

    public string? SemanticType { get; internal set; }

    public int SinceVersion { get; internal set; }

    /// <summary>The schema version in which the type was deprecated, or null.</summary>
    public int? Deprecated { get; internal set; }

    /// <summary>Bytes the type occupies on the wire (0 for a constant).</summary>
    public abstract int EncodedLength { get; }

    /// <summary>Where the type is declared.</summary>
    public SchemaSource Source { get; }

    public override string ToString() => Kind + " " + Name;
}
