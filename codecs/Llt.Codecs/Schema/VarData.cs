namespace Llt.Codecs.Schema;

/// <summary>
/// A &lt;data&gt; element: a length prefix (uint8/16/32, the composite's "length" member) then that many bytes
/// (the "varData" member). Var data follows all fields and groups of its block, in declaration order.
/// </summary>
public sealed class VarData
{
    internal VarData(string name, int id, CompositeType type, CompositeMember lengthMember, CompositeMember varDataMember, SchemaSource source)
    {
        Name = name;
        Id = id;
        Type = type;
        LengthMember = lengthMember;
        VarDataMember = varDataMember;
        Source = source;
    }

    public string Name { get; }

    public int Id { get; }

    public CompositeType Type { get; }

    public CompositeMember LengthMember { get; }

    public CompositeMember VarDataMember { get; }

    public PrimitiveType LengthPrimitive => ((EncodedType)LengthMember.Type).Primitive;

    /// <summary>Size of the length prefix in bytes.</summary>
    public int LengthSize => PrimitiveTypes.Size(LengthPrimitive);

    /// <summary>Largest payload the prefix can describe (the length type's max value).</summary>
    public long MaxLength => ((EncodedType)LengthMember.Type).MaxValue.Int64Value;

    /// <summary>The varData member's characterEncoding (e.g. "UTF-8", "US-ASCII"), or null for raw bytes.</summary>
    public string? CharacterEncoding { get; internal set; }

    public int SinceVersion { get; internal set; }

    public int? Deprecated { get; internal set; }

    public string? Description { get; internal set; }

    public string? SemanticType { get; internal set; }

    public SchemaSource Source { get; }
}
