namespace Llt.Codecs.Schema;

/// <summary>
/// A repeating &lt;group&gt;: a dimension (<see cref="DimensionType"/>, default groupSizeEncoding, holding the
/// group's blockLength and numInGroup) then numInGroup entries, each a block plus nested groups and var data.
/// </summary>
public sealed class Group : FieldContainer
{
    internal Group(string name, int id, CompositeType dimensionType, CompositeMember blockLengthMember, CompositeMember numInGroupMember, SchemaSource source)
        : base(name, id, source)
    {
        DimensionType = dimensionType;
        BlockLengthMember = blockLengthMember;
        NumInGroupMember = numInGroupMember;
    }

    public CompositeType DimensionType { get; }

    public CompositeMember BlockLengthMember { get; }

    public CompositeMember NumInGroupMember { get; }

    public PrimitiveType BlockLengthPrimitive => ((EncodedType)BlockLengthMember.Type).Primitive;

    public PrimitiveType NumInGroupPrimitive => ((EncodedType)NumInGroupMember.Type).Primitive;

    /// <summary>Largest count numInGroup can hold (its type's max value, or maxValue attribute).</summary>
    public long MaxCount => ((EncodedType)NumInGroupMember.Type).MaxValue.Int64Value;
}
