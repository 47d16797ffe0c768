using System.Collections.Generic;

namespace Llt.Codecs.Schema;

/// <summary>
/// What messages and groups have in common: a fixed block of <see cref="Fields"/> (<see cref="BlockLength"/> bytes),
/// then <see cref="Groups"/>, then <see cref="Data"/>, in that order on the wire.
/// </summary>
public abstract class FieldContainer
{
    private readonly List<Field> _fields = new List<Field>();
    private readonly List<Group> _groups = new List<Group>();
    private readonly List<VarData> _data = new List<VarData>();

    private protected FieldContainer(string name, int id, SchemaSource source)
    {
        Name = name;
        Id = id;
        Source = source;
    }

    public string Name { get; }

    public int Id { get; }

    /// <summary>Length of the fixed block: the blockLength attribute if given, else the end of the last field.</summary>
    public int BlockLength { get; internal set; }

    /// <summary>End of the last field: what <see cref="BlockLength"/> would be without an explicit blockLength.</summary>
    public int ComputedBlockLength { get; internal set; }

    public IReadOnlyList<Field> Fields => _fields;

    public IReadOnlyList<Group> Groups => _groups;

    public IReadOnlyList<VarData> Data => _data;

    public string? Description { get; internal set; }

    public string? SemanticType { get; internal set; }

    public int SinceVersion { get; internal set; }

    public int? Deprecated { get; internal set; }

    public SchemaSource Source { get; }

    /// <summary>
    /// Bytes of the block a decoder at <paramref name="actingVersion"/> needs: the end of the last field whose
    /// sinceVersion is not newer than that version.
    /// </summary>
    public int RequiredBlockLength(int actingVersion)
    {
        int end = 0;
        foreach (Field field in _fields)
        {
            if (field.SinceVersion <= actingVersion && field.Size > 0 && field.Offset + field.Size > end)
            {
                end = field.Offset + field.Size;
            }
        }

        return end;
    }

    internal void Add(Field field) => _fields.Add(field);

    internal void Add(Group group) => _groups.Add(group);

    internal void Add(VarData data) => _data.Add(data);
}
