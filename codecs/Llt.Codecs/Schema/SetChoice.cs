namespace Llt.Codecs.Schema;

/// <summary>One &lt;choice&gt; of a set: a bit position (0 = least significant) in the set's encoding.</summary>
public sealed class SetChoice
{
    internal SetChoice(string name, int bitIndex, SchemaSource source)
    {
        Name = name;
        BitIndex = bitIndex;
        Source = source;
    }

    public string Name { get; }

    public int BitIndex { get; }

    public string? Description { get; internal set; }

    public int SinceVersion { get; internal set; }

    public int? Deprecated { get; internal set; }

    public SchemaSource Source { get; }
}
