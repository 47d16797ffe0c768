using System.Globalization;
using System.Text.Json;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Otf;

/// <summary>
/// One pass over one message: reads the header, then walks the message with the acting version and blockLength from
/// that header, writing JSON as it goes. Every read is preceded by a bounds check against the whole buffer, so a
/// malformed message ends in an <see cref="OtfDecodeException"/> naming the absolute offset, never in a read past
/// the end. Members newer than the acting version are omitted.
/// </summary>
internal ref struct OtfDecodeWalker
{
    private readonly ReadOnlySpan<byte> _buffer;
    private readonly Utf8JsonWriter _writer;
    private readonly MessageSchema _schema;
    private readonly bool _bigEndian;
    private int _actingVersion;

    public OtfDecodeWalker(ReadOnlySpan<byte> buffer, Utf8JsonWriter writer, MessageSchema schema)
    {
        _buffer = buffer;
        _writer = writer;
        _schema = schema;
        _bigEndian = schema.ByteOrder == ByteOrder.BigEndian;
        _actingVersion = schema.Version;
    }

    /// <summary>Writes the message starting at <paramref name="offset"/> as one JSON object; returns the offset after it.</summary>
    public int WriteMessage(int offset)
    {
        CompositeType header = _schema.HeaderType;
        Require(offset, header.EncodedLength, "message header");
        ulong blockLength = ReadHeaderMember(header, "blockLength", offset);
        ulong templateId = ReadHeaderMember(header, "templateId", offset);
        ulong schemaId = ReadHeaderMember(header, "schemaId", offset);
        ulong version = ReadHeaderMember(header, "version", offset);

        if (schemaId != (ulong)_schema.Id)
        {
            throw Fail(offset, "schemaId " + schemaId + " does not match schema '" + _schema.Package + "' id " + _schema.Id);
        }

        Message? message = templateId <= int.MaxValue ? _schema.FindMessage((int)templateId) : null;
        if (message == null)
        {
            throw Fail(offset, "unknown templateId " + templateId + " in schema '" + _schema.Package + "'");
        }

        // A version beyond int range cannot be a real schema version; clamping keeps every member present,
        // which is what an older decoder does with a newer message.
        _actingVersion = version > int.MaxValue ? int.MaxValue : (int)version;
        int blockStart = offset + header.EncodedLength;
        CheckBlockLength(blockLength, message, offset, "message '" + message.Name + "'");

        _writer.WriteStartObject();
        _writer.WritePropertyName(OtfJson.HeaderProperty);
        _writer.WriteStartObject();
        _writer.WriteString(OtfJson.MessageProperty, message.Name);
        _writer.WriteNumber(OtfJson.TemplateIdProperty, templateId);
        _writer.WriteNumber(OtfJson.SchemaIdProperty, schemaId);
        _writer.WriteNumber(OtfJson.VersionProperty, version);
        _writer.WriteNumber(OtfJson.BlockLengthProperty, blockLength);
        _writer.WriteEndObject();
        int end = WriteContainer(message, blockStart, (int)blockLength, "message '" + message.Name + "' block");
        _writer.WriteEndObject();
        return end;
    }

    private int WriteContainer(FieldContainer container, int blockStart, int blockLength, string what)
    {
        Require(blockStart, blockLength, what);
        foreach (Field field in container.Fields)
        {
            if (field.SinceVersion > _actingVersion)
            {
                continue;
            }

            _writer.WritePropertyName(field.Name);
            if (field.Presence == Presence.Constant)
            {
                WriteConstant(field);
            }
            else
            {
                WriteValue(field.Type, field.Presence, blockStart + field.Offset);
            }
        }

        // Unknown trailing block bytes (a newer sender's fields) are skipped by starting after the acting blockLength.
        int position = blockStart + blockLength;
        foreach (Group group in container.Groups)
        {
            if (group.SinceVersion <= _actingVersion)
            {
                position = WriteGroup(group, position);
            }
        }

        foreach (VarData data in container.Data)
        {
            if (data.SinceVersion <= _actingVersion)
            {
                position = WriteVarData(data, position);
            }
        }

        return position;
    }

    private int WriteGroup(Group group, int position)
    {
        int dimensionLength = group.DimensionType.EncodedLength;
        Require(position, dimensionLength, "dimension of group '" + group.Name + "'");
        ulong blockLength = ReadUnsigned(group.BlockLengthMember, position);
        ulong count = ReadUnsigned(group.NumInGroupMember, position);
        CheckBlockLength(blockLength, group, position, "group '" + group.Name + "'");
        if (count > (ulong)group.MaxCount)
        {
            throw Fail(position, "group '" + group.Name + "' numInGroup " + count + " exceeds its maximum " + group.MaxCount);
        }

        int entriesStart = position + dimensionLength;
        // Every entry takes at least its block plus the fixed headers of its nested groups and var data, so an
        // absurd count is rejected here, before the walk, rather than after emitting thousands of entries.
        ulong minimumEntry = blockLength + (ulong)MinimumTailLength(group);
        ulong available = (ulong)(_buffer.Length - Math.Min(_buffer.Length, entriesStart));
        if (count * minimumEntry > available)
        {
            throw Fail(position, "group '" + group.Name + "' numInGroup " + count + " needs at least " + (count * minimumEntry)
                + " bytes, only " + available + " remain");
        }

        _writer.WritePropertyName(group.Name);
        _writer.WriteStartArray();
        position = entriesStart;
        for (ulong i = 0; i < count; i++)
        {
            _writer.WriteStartObject();
            position = WriteContainer(group, position, (int)blockLength, "group '" + group.Name + "' entry " + i.ToString(CultureInfo.InvariantCulture));
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        return position;
    }

    private int WriteVarData(VarData data, int position)
    {
        Require(position, data.LengthSize, "length of var data '" + data.Name + "'");
        ulong length = ReadUnsigned(data.LengthMember, position);
        if (length > (ulong)data.MaxLength)
        {
            throw Fail(position, "var data '" + data.Name + "' length " + length + " exceeds its maximum " + data.MaxLength);
        }

        int payload = position + data.LengthSize;
        if (length > (ulong)(_buffer.Length - payload))
        {
            throw Fail(position, "truncated: var data '" + data.Name + "' length " + length + " runs past the end of the buffer ("
                + (_buffer.Length - payload) + " bytes remain)");
        }

        ReadOnlySpan<byte> bytes = _buffer.Slice(payload, (int)length);
        _writer.WritePropertyName(data.Name);
        if (data.CharacterEncoding == null)
        {
            _writer.WriteBase64StringValue(bytes);
        }
        else
        {
            _writer.WriteStringValue(OtfText.Decode(bytes, data.CharacterEncoding));
        }

        return payload + (int)length;
    }

    private void WriteValue(SchemaType type, Presence presence, int position)
    {
        switch (type.Kind)
        {
            case SchemaTypeKind.Encoded:
                WriteEncoded((EncodedType)type, presence, position);
                break;
            case SchemaTypeKind.Enum:
                WriteEnum((EnumType)type, presence, position);
                break;
            case SchemaTypeKind.Set:
                WriteSet((SetType)type, position);
                break;
            default:
                WriteComposite((CompositeType)type, position);
                break;
        }
    }

    private void WriteEncoded(EncodedType type, Presence presence, int position)
    {
        if (type.IsConstant)
        {
            WriteConstant(type.ConstantValue!, type.Primitive);
            return;
        }

        bool optional = presence == Presence.Optional;
        if (type.Primitive == PrimitiveType.Char)
        {
            ReadOnlySpan<byte> bytes = _buffer.Slice(position, type.Length);
            if (optional && IsAllNull(bytes, type))
            {
                _writer.WriteNullValue();
            }
            else
            {
                _writer.WriteStringValue(OtfText.Decode(OtfText.TrimTrailingNuls(bytes), type.CharacterEncoding));
            }

            return;
        }

        if (type.Length == 1)
        {
            WriteScalar(type, optional, position);
            return;
        }

        _writer.WriteStartArray();
        for (int i = 0; i < type.Length; i++)
        {
            WriteScalar(type, optional, position + i * type.ElementSize);
        }

        _writer.WriteEndArray();
    }

    private void WriteScalar(EncodedType type, bool optional, int position)
    {
        ulong raw = OtfPrimitives.Read(_buffer.Slice(position), type.Primitive, _bigEndian);
        if (optional && OtfPrimitives.IsNull(raw, type.Primitive, type.NullValue))
        {
            _writer.WriteNullValue();
        }
        else
        {
            OtfPrimitives.WriteJson(_writer, raw, type.Primitive);
        }
    }

    private void WriteEnum(EnumType type, Presence presence, int position)
    {
        ulong raw = OtfPrimitives.Read(_buffer.Slice(position), type.EncodingType, _bigEndian);
        long value = OtfPrimitives.ToInt64(raw, type.EncodingType);
        foreach (EnumValue candidate in type.Values)
        {
            if (candidate.Value.Int64Value == value)
            {
                _writer.WriteStringValue(candidate.Name);
                return;
            }
        }

        if (presence == Presence.Optional && value == type.NullValue.Int64Value)
        {
            _writer.WriteNullValue();
            return;
        }

        // Not a valid value of this schema (a newer sender's value, or corruption): the raw number, which a JSON
        // reader tells from a name by its type, and which the encoder accepts back unchanged.
        OtfPrimitives.WriteJson(_writer, raw, type.EncodingType);
    }

    private void WriteSet(SetType type, int position)
    {
        ulong raw = OtfPrimitives.Read(_buffer.Slice(position), type.EncodingType, _bigEndian);
        _writer.WriteStartArray();
        ulong known = 0;
        foreach (SetChoice choice in type.Choices)
        {
            ulong bit = 1UL << choice.BitIndex;
            known |= bit;
            if ((raw & bit) != 0)
            {
                _writer.WriteStringValue(choice.Name);
            }
        }

        // Bits without a choice are kept as their bit index so that nothing is lost on a round trip.
        ulong unknown = raw & ~known;
        for (int bitIndex = 0; unknown != 0; bitIndex++, unknown >>= 1)
        {
            if ((unknown & 1) != 0)
            {
                _writer.WriteNumberValue(bitIndex);
            }
        }

        _writer.WriteEndArray();
    }

    private void WriteComposite(CompositeType type, int position)
    {
        _writer.WriteStartObject();
        foreach (CompositeMember member in type.Members)
        {
            if (member.SinceVersion > _actingVersion)
            {
                continue;
            }

            _writer.WritePropertyName(member.Name);
            WriteValue(member.Type, member.EncodedType?.Presence ?? Presence.Required, position + member.Offset);
        }

        _writer.WriteEndObject();
    }

    private void WriteConstant(Field field)
    {
        if (field.Type is EnumType)
        {
            _writer.WriteStringValue(field.ValueRefValue!.Name);
        }
        else
        {
            WriteConstant(field.ConstantValue!, ((EncodedType)field.Type).Primitive);
        }
    }

    private void WriteConstant(PrimitiveValue value, PrimitiveType primitive)
    {
        if (value.IsBytes)
        {
            byte[] bytes = new byte[value.Bytes.Count];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = value.Bytes[i];
            }

            _writer.WriteStringValue(OtfText.Decode(OtfText.TrimTrailingNuls(bytes), null));
        }
        else if (primitive == PrimitiveType.Char)
        {
            _writer.WriteStringValue(value.Int64Value == 0 ? string.Empty : ((char)value.Int64Value).ToString());
        }
        else
        {
            OtfPrimitives.WriteJson(_writer, value, primitive);
        }
    }

    private void CheckBlockLength(ulong blockLength, FieldContainer container, int offset, string what)
    {
        int required = container.RequiredBlockLength(_actingVersion);
        if (blockLength < (ulong)required)
        {
            throw Fail(offset, what + " blockLength " + blockLength + " is less than the " + required
                + " bytes its fields need at version " + _actingVersion);
        }

        if (blockLength > int.MaxValue)
        {
            throw Fail(offset, what + " blockLength " + blockLength + " is too large");
        }
    }

    /// <summary>Bytes every entry of <paramref name="container"/> needs after its block: nested dimensions and length prefixes.</summary>
    private int MinimumTailLength(FieldContainer container)
    {
        int length = 0;
        foreach (Group group in container.Groups)
        {
            if (group.SinceVersion <= _actingVersion)
            {
                length += group.DimensionType.EncodedLength;
            }
        }

        foreach (VarData data in container.Data)
        {
            if (data.SinceVersion <= _actingVersion)
            {
                length += data.LengthSize;
            }
        }

        return length;
    }

    private static bool IsAllNull(ReadOnlySpan<byte> bytes, EncodedType type)
    {
        long nullByte = type.NullValue.Int64Value;
        foreach (byte b in bytes)
        {
            if (b != nullByte)
            {
                return false;
            }
        }

        return true;
    }

    private ulong ReadHeaderMember(CompositeType header, string name, int offset)
    {
        return ReadUnsigned(header.FindMember(name)!, offset);
    }

    private ulong ReadUnsigned(CompositeMember member, int compositeStart)
    {
        return OtfPrimitives.Read(_buffer.Slice(compositeStart + member.Offset), ((EncodedType)member.Type).Primitive, _bigEndian);
    }

    private void Require(int offset, int length, string what)
    {
        if (offset < 0 || length < 0 || offset > _buffer.Length || length > _buffer.Length - offset)
        {
            throw Fail(offset, "truncated: " + what + " needs " + length + " bytes, " + Math.Max(0, _buffer.Length - offset) + " remain");
        }
    }

    private static OtfDecodeException Fail(int offset, string reason) => new OtfDecodeException(offset, reason);
}
