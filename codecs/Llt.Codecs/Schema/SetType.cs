using System.Collections.Generic;

namespace Llt.Codecs.Schema;

/// <summary>A &lt;set&gt;: a bit set of choices over uint8, uint16, uint32 or uint64.</summary>
public sealed class SetType : SchemaType
{
    private readonly List<SetChoice> _choices = new List<SetChoice>();

    internal SetType(string name, PrimitiveType encodingType, SchemaSource source)
        : base(name, SchemaTypeKind.Set, source)
    {
        EncodingType = encodingType;
    }

    public PrimitiveType EncodingType { get; }

    public EncodedType? EncodingTypeRef { get; internal set; }

    public IReadOnlyList<SetChoice> Choices => _choices;

    public override int EncodedLength => PrimitiveTypes.Size(EncodingType);

    internal void Add(SetChoice choice) => _choices.Add(choice);
}
