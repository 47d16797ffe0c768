namespace Llt.Codecs.Schema;

/// <summary>
/// One element of a composite: an inline type (type, composite, enum, set) or a &lt;ref&gt; to a named type, at a
/// resolved <see cref="Offset"/> from the composite's start.
/// </summary>
public sealed class CompositeMember
{
    internal CompositeMember(string name, SchemaType type, int offset, bool isRef, SchemaSource source)
    {
        Name = name;
        Type = type;
        Offset = offset;
        IsRef = isRef;
        Source = source;
    }

    public string Name { get; }

    /// <summary>The member's type; for a ref, the referenced named type (shared with other users).</summary>
    public SchemaType Type { get; }

    /// <summary>Byte offset from the start of the composite, after explicit offsets and padding.</summary>
    public int Offset { get; }

    public int EncodedLength => Type.EncodedLength;

    /// <summary>True for a &lt;ref&gt; element.</summary>
    public bool IsRef { get; }

    public int SinceVersion { get; internal set; }

    public int? Deprecated { get; internal set; }

    public SchemaSource Source { get; }

    /// <summary>The type as an <see cref="EncodedType"/>, or null for composites, enums and sets.</summary>
    public EncodedType? EncodedType => Type as EncodedType;
}
