using System;
using System.Collections.Generic;

namespace Llt.Codecs.Schema;

/// <summary>
/// A parsed, fully resolved &lt;messageSchema&gt;: every type reference resolved, every offset, size and block
/// length computed, and the whole validated. Build one with <see cref="SchemaParser"/>.
/// </summary>
public sealed class MessageSchema
{
    private readonly List<SchemaType> _types = new List<SchemaType>();
    private readonly Dictionary<string, SchemaType> _typesByName = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
    private readonly List<Message> _messages = new List<Message>();

    internal MessageSchema(string fileName)
    {
        FileName = fileName;
        Package = string.Empty;
        HeaderTypeName = "messageHeader";
        HeaderType = null!;
    }

    /// <summary>The top-level schema file.</summary>
    public string FileName { get; }

    public string Package { get; internal set; }

    public int Id { get; internal set; }

    public int Version { get; internal set; }

    public string? SemanticVersion { get; internal set; }

    public ByteOrder ByteOrder { get; internal set; }

    public string? Description { get; internal set; }

    public string HeaderTypeName { get; internal set; }

    /// <summary>The message header composite (blockLength, templateId, schemaId, version members).</summary>
    public CompositeType HeaderType { get; internal set; }

    /// <summary>
    /// Every named type in declaration order, including composites, enums and sets declared inline inside
    /// composites (they are named types too). Implicit primitive types used directly by fields are not listed.
    /// </summary>
    public IReadOnlyList<SchemaType> Types => _types;

    public IReadOnlyList<Message> Messages => _messages;

    public SchemaType? FindType(string name)
    {
        return _typesByName.TryGetValue(name, out SchemaType? type) ? type : null;
    }

    public Message? FindMessage(int templateId)
    {
        foreach (Message message in _messages)
        {
            if (message.Id == templateId)
            {
                return message;
            }
        }

        return null;
    }

    public Message? FindMessage(string name)
    {
        foreach (Message message in _messages)
        {
            if (string.Equals(message.Name, name, StringComparison.Ordinal))
            {
                return message;
            }
        }

        return null;
    }

    internal bool ContainsType(string name) => _typesByName.ContainsKey(name);

    internal void AddType(SchemaType type)
    {
        _types.Add(type);
        _typesByName[type.Name] = type;
    }

    internal void AddMessage(Message message) => _messages.Add(message);
}
