namespace Llt.Codecs.Schema;

/// <summary>One &lt;validValue&gt; of an enum: a char or integer in the enum's encoding type.</summary>
public sealed class EnumValue
{
    internal EnumValue(string name, PrimitiveValue value, SchemaSource source)
    {
        Name = name;
        Value = value;
        Source = source;
    }

    public string Name { get; }

    public PrimitiveValue Value { get; }

    public string? Description { get; internal set; }

    public int SinceVersion { get; internal set; }

    public int? Deprecated { get; internal set; }

    public SchemaSource Source { get; }
}
