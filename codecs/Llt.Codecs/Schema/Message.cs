namespace Llt.Codecs.Schema;

/// <summary>A &lt;message&gt;: template <see cref="FieldContainer.Id"/>, its block, groups and var data.</summary>
public sealed class Message : FieldContainer
{
    internal Message(string name, int id, SchemaSource source)
        : base(name, id, source)
    {
    }
}
