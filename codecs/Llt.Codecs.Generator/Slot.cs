using Llt.Codecs.Schema;

namespace Llt.Codecs.Generator;

/// <summary>A fixed-position value in a block or composite: what the accessor emitter needs from a field or member.</summary>
internal sealed class Slot
{
    private Slot(string name, SchemaType type, int offset, Presence presence, int sinceVersion)
    {
        Name = name;
        Property = Naming.Pascal(name);
        Type = type;
        Offset = offset;
        Presence = presence;
        SinceVersion = sinceVersion;
    }

    public string Name { get; }

    public string Property { get; }

    public SchemaType Type { get; }

    public int Offset { get; }

    public Presence Presence { get; }

    public int SinceVersion { get; }

    public PrimitiveValue? Constant { get; private set; }

    public EnumValue? ConstantEnum { get; private set; }

    public string? Description { get; private set; }

    public int? Deprecated { get; private set; }

    public static Slot From(Field field)
    {
        return new Slot(field.Name, field.Type, field.Offset, field.Presence, field.SinceVersion)
        {
            Constant = field.ConstantValue,
            ConstantEnum = field.ValueRefValue,
            Description = field.Description,
            Deprecated = field.Deprecated,
        };
    }

    public static Slot From(CompositeMember member)
    {
        var encoded = member.Type as EncodedType;
        return new Slot(member.Name, member.Type, member.Offset, encoded?.Presence ?? Presence.Required, member.SinceVersion)
        {
            Constant = encoded?.ConstantValue,
            ConstantEnum = encoded?.ValueRefValue,
            Description = member.Type.Description,
            Deprecated = member.Deprecated ?? member.Type.Deprecated,
        };
    }
}
