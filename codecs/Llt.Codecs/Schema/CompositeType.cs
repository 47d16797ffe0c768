using System;
using System.Collections.Generic;

namespace Llt.Codecs.Schema;

/// <summary>A &lt;composite&gt;: members laid out in order (explicit offsets add padding), nested to any depth.</summary>
public sealed class CompositeType : SchemaType
{
    private readonly List<CompositeMember> _members = new List<CompositeMember>();
    private int _encodedLength;

    internal CompositeType(string name, SchemaSource source)
        : base(name, SchemaTypeKind.Composite, source)
    {
    }

    public IReadOnlyList<CompositeMember> Members => _members;

    public override int EncodedLength => _encodedLength;

    /// <summary>The member with the given name, or null.</summary>
    public CompositeMember? FindMember(string name)
    {
        foreach (CompositeMember member in _members)
        {
            if (string.Equals(member.Name, name, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }

    internal void Add(CompositeMember member)
    {
        _members.Add(member);
        _encodedLength = Math.Max(_encodedLength, member.Offset + member.EncodedLength);
    }
}
