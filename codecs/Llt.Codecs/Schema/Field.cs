namespace Llt.Codecs.Schema;

/// <summary>
/// A fixed-position &lt;field&gt; of a message or group block, at a resolved <see cref="Offset"/> from the block start.
/// Presence and constant value are effective values: the field's own attributes override its type's.
/// </summary>
public sealed class Field
{
    internal Field(string name, int id, SchemaType type, SchemaSource source)
    {
        Name = name;
        Id = id;
        Type = type;
        Source = source;
    }

    public string Name { get; }

    public int Id { get; }

    public SchemaType Type { get; }

    /// <summary>Byte offset from the start of the enclosing block.</summary>
    public int Offset { get; internal set; }

    /// <summary>Bytes occupied in the block: 0 for a constant.</summary>
    public int Size => Presence == Presence.Constant ? 0 : Type.EncodedLength;

    public Presence Presence { get; internal set; }

    /// <summary>The constant value for a constant field of an encoded type (scalar or char array bytes).</summary>
    public PrimitiveValue? ConstantValue { get; internal set; }

    /// <summary>"Enum.Value" when the field (or its type) takes its constant from an enum.</summary>
    public string? ValueRef { get; internal set; }

    /// <summary>The enum value a constant field refers to; for an enum-typed constant field it is a value of <see cref="Type"/>.</summary>
    public EnumValue? ValueRefValue { get; internal set; }

    public int SinceVersion { get; internal set; }

    public int? Deprecated { get; internal set; }

    public string? Description { get; internal set; }

    public string? SemanticType { get; internal set; }

    public string? Epoch { get; internal set; }

    public string? TimeUnit { get; internal set; }

    public SchemaSource Source { get; }

    public EncodedType? EncodedType => Type as EncodedType;

    public override string ToString() => Name + "@" + Offset + ":" + Type.Name;
}
