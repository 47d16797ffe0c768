using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Otf;

/// <summary>
/// One pass over the JSON form of one message, validating every value against the schema and appending the binary
/// form to an <see cref="ArrayBufferWriter{T}"/>. Each block is claimed zeroed, filled at the fields' offsets and
/// committed before the groups and var data that follow it on the wire.
/// </summary>
internal sealed class OtfEncodeWalker
{
    private readonly MessageSchema _schema;
    private readonly bool _bigEndian;
    private readonly ArrayBufferWriter<byte> _output;

    public OtfEncodeWalker(MessageSchema schema, ArrayBufferWriter<byte> output)
    {
        _schema = schema;
        _bigEndian = schema.ByteOrder == ByteOrder.BigEndian;
        _output = output;
    }

    public void WriteMessage(JsonElement root, string? messageName)
    {
        string path = OtfJson.RootPath;
        Dictionary<string, JsonElement> properties = Properties(root, path);
        Message message = ChooseMessage(properties, messageName);
        properties.Remove(OtfJson.HeaderProperty);

        CompositeType header = _schema.HeaderType;
        Span<byte> headerBytes = Claim(header.EncodedLength);
        WriteHeaderMember(header, "blockLength", (ulong)message.BlockLength, headerBytes);
        WriteHeaderMember(header, "templateId", (ulong)message.Id, headerBytes);
        WriteHeaderMember(header, "schemaId", (ulong)_schema.Id, headerBytes);
        WriteHeaderMember(header, "version", (ulong)_schema.Version, headerBytes);
        _output.Advance(header.EncodedLength);

        WriteContainer(message, properties, path, "message '" + message.Name + "'");
    }

    private Message ChooseMessage(Dictionary<string, JsonElement> properties, string? messageName)
    {
        Message? message = null;
        if (messageName != null)
        {
            message = _schema.FindMessage(messageName)
                ?? throw Fail(OtfJson.RootPath, "unknown message '" + messageName + "' in schema '" + _schema.Package + "'");
        }

        if (properties.TryGetValue(OtfJson.HeaderProperty, out JsonElement headerElement))
        {
            string headerPath = Member(OtfJson.RootPath, OtfJson.HeaderProperty);
            Dictionary<string, JsonElement> header = Properties(headerElement, headerPath);
            foreach (KeyValuePair<string, JsonElement> entry in header)
            {
                string entryPath = Member(headerPath, entry.Key);
                switch (entry.Key)
                {
                    case OtfJson.MessageProperty:
                        if (entry.Value.ValueKind != JsonValueKind.String)
                        {
                            throw WrongKind(entryPath, "a message name", entry.Value);
                        }

                        string name = entry.Value.GetString()!;
                        Message named = _schema.FindMessage(name)
                            ?? throw Fail(entryPath, "unknown message '" + name + "' in schema '" + _schema.Package + "'");
                        if (message != null && message != named)
                        {
                            throw Fail(entryPath, "message '" + name + "' does not match the requested message '" + message.Name + "'");
                        }

                        message = named;
                        break;
                    case OtfJson.TemplateIdProperty:
                    case OtfJson.SchemaIdProperty:
                    case OtfJson.VersionProperty:
                    case OtfJson.BlockLengthProperty:
                        ParseInteger(entry.Value, PrimitiveType.UInt32, entryPath);
                        break;
                    default:
                        throw Fail(entryPath, "unknown header member '" + entry.Key + "'");
                }
            }

            if (header.TryGetValue(OtfJson.SchemaIdProperty, out JsonElement schemaId) && schemaId.GetInt64() != _schema.Id)
            {
                throw Fail(Member(headerPath, OtfJson.SchemaIdProperty), "schemaId " + schemaId.GetInt64() + " does not match schema '" + _schema.Package + "' id " + _schema.Id);
            }

            if (header.TryGetValue(OtfJson.TemplateIdProperty, out JsonElement templateId))
            {
                string templatePath = Member(headerPath, OtfJson.TemplateIdProperty);
                long id = templateId.GetInt64();
                if (message == null)
                {
                    message = id <= int.MaxValue ? _schema.FindMessage((int)id) : null;
                    if (message == null)
                    {
                        throw Fail(templatePath, "unknown templateId " + id + " in schema '" + _schema.Package + "'");
                    }
                }
                else if (id != message.Id)
                {
                    throw Fail(templatePath, "templateId " + id + " does not match message '" + message.Name + "' id " + message.Id);
                }
            }
        }

        return message ?? throw Fail(OtfJson.RootPath, "no message named: pass a message name or set $header.message");
    }

    private void WriteContainer(FieldContainer container, Dictionary<string, JsonElement> properties, string path, string what)
    {
        foreach (string name in properties.Keys)
        {
            if (!HasMember(container, name))
            {
                throw Fail(Member(path, name), "unknown field '" + name + "' in " + what);
            }
        }

        Span<byte> block = Claim(container.BlockLength);
        foreach (Field field in container.Fields)
        {
            string fieldPath = Member(path, field.Name);
            bool present = properties.TryGetValue(field.Name, out JsonElement value);
            if (field.Presence == Presence.Constant)
            {
                if (present)
                {
                    CheckConstant(field, value, fieldPath);
                }

                continue;
            }

            Span<byte> destination = block.Slice(field.Offset, field.Size);
            if (!present)
            {
                // A field added after version 0 may be absent, as it is when decoded from an older message.
                if (field.Presence == Presence.Required && field.SinceVersion == 0)
                {
                    throw Fail(fieldPath, "missing required field '" + field.Name + "'");
                }

                WriteNull(field.Type, destination);
                continue;
            }

            WriteValue(field.Type, field.Presence, value, destination, fieldPath);
        }

        _output.Advance(container.BlockLength);

        foreach (Group group in container.Groups)
        {
            string groupPath = Member(path, group.Name);
            if (properties.TryGetValue(group.Name, out JsonElement entries))
            {
                WriteGroup(group, entries, groupPath);
            }
            else if (group.SinceVersion > 0)
            {
                WriteGroupDimension(group, 0);
            }
            else
            {
                throw Fail(groupPath, "missing group '" + group.Name + "' (use [] for no entries)");
            }
        }

        foreach (VarData data in container.Data)
        {
            string dataPath = Member(path, data.Name);
            if (properties.TryGetValue(data.Name, out JsonElement text))
            {
                WriteVarData(data, text, dataPath);
            }
            else if (data.SinceVersion > 0)
            {
                WriteVarDataBytes(data, ReadOnlySpan<byte>.Empty);
            }
            else
            {
                throw Fail(dataPath, "missing var data '" + data.Name + "' (use \"\" for none)");
            }
        }
    }

    private void WriteGroup(Group group, JsonElement entries, string path)
    {
        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(path, "an array of group entries", entries);
        }

        int count = entries.GetArrayLength();
        if (count > group.MaxCount)
        {
            throw Fail(path, count + " entries exceed the maximum numInGroup " + group.MaxCount + " of group '" + group.Name + "'");
        }

        WriteGroupDimension(group, count);
        int index = 0;
        foreach (JsonElement entry in entries.EnumerateArray())
        {
            string entryPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            WriteContainer(group, Properties(entry, entryPath), entryPath, "group '" + group.Name + "'");
            index++;
        }
    }

    private void WriteGroupDimension(Group group, int count)
    {
        int length = group.DimensionType.EncodedLength;
        // Members other than blockLength and numInGroup (numGroups, numVarDataFields in some schemas) stay 0.
        Span<byte> dimension = Claim(length);
        WriteMember(group.BlockLengthMember, (ulong)group.BlockLength, dimension);
        WriteMember(group.NumInGroupMember, (ulong)count, dimension);
        _output.Advance(length);
    }

    private void WriteVarData(VarData data, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongKind(path, data.CharacterEncoding == null ? "a base64 string" : "a string", value);
        }

        byte[] bytes;
        if (data.CharacterEncoding == null)
        {
            if (!value.TryGetBytesFromBase64(out byte[]? decoded))
            {
                throw Fail(path, "raw var data '" + data.Name + "' is not valid base64");
            }

            bytes = decoded;
        }
        else
        {
            bytes = EncodeText(value.GetString()!, data.CharacterEncoding, path);
        }

        if (bytes.Length > data.MaxLength)
        {
            throw Fail(path, bytes.Length + " bytes exceed the maximum length " + data.MaxLength + " of var data '" + data.Name + "'");
        }

        WriteVarDataBytes(data, bytes);
    }

    private void WriteVarDataBytes(VarData data, ReadOnlySpan<byte> bytes)
    {
        int length = data.LengthSize + bytes.Length;
        Span<byte> destination = Claim(length);
        OtfPrimitives.Write(destination, data.LengthPrimitive, (ulong)bytes.Length, _bigEndian);
        bytes.CopyTo(destination.Slice(data.LengthSize));
        _output.Advance(length);
    }

    private void WriteValue(SchemaType type, Presence presence, JsonElement value, Span<byte> destination, string path)
    {
        if (value.ValueKind == JsonValueKind.Null && type.Kind != SchemaTypeKind.Composite && !(type is EncodedType { IsConstant: true }))
        {
            if (presence != Presence.Optional)
            {
                throw Fail(path, "null is not allowed: the field is required");
            }

            WriteNull(type, destination);
            return;
        }

        switch (type.Kind)
        {
            case SchemaTypeKind.Encoded:
                WriteEncoded((EncodedType)type, presence, value, destination, path);
                break;
            case SchemaTypeKind.Enum:
                WriteEnum((EnumType)type, value, destination, path);
                break;
            case SchemaTypeKind.Set:
                WriteSet((SetType)type, value, destination, path);
                break;
            default:
                WriteComposite((CompositeType)type, value, destination, path);
                break;
        }
    }

    private void WriteEncoded(EncodedType type, Presence presence, JsonElement value, Span<byte> destination, string path)
    {
        if (type.IsConstant)
        {
            CheckConstant(type.ConstantValue!, type.Primitive, value, path);
            return;
        }

        if (type.Primitive == PrimitiveType.Char)
        {
            WriteChars(type, value, destination, path);
            return;
        }

        if (type.Length == 1)
        {
            OtfPrimitives.Write(destination, type.Primitive, ParseScalar(value, type.Primitive, path), _bigEndian);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(path, "an array of " + type.Length + " " + PrimitiveTypes.SchemaName(type.Primitive), value);
        }

        if (value.GetArrayLength() != type.Length)
        {
            throw Fail(path, "expected " + type.Length + " elements, got " + value.GetArrayLength());
        }

        int index = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            string elementPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            ulong bits;
            if (element.ValueKind == JsonValueKind.Null)
            {
                if (presence != Presence.Optional)
                {
                    throw Fail(elementPath, "null is not allowed: the field is required");
                }

                bits = OtfPrimitives.Bits(type.NullValue, type.Primitive);
            }
            else
            {
                bits = ParseScalar(element, type.Primitive, elementPath);
            }

            OtfPrimitives.Write(destination.Slice(index * type.ElementSize), type.Primitive, bits, _bigEndian);
            index++;
        }
    }

    private void WriteChars(EncodedType type, JsonElement value, Span<byte> destination, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongKind(path, "a string", value);
        }

        byte[] bytes = EncodeText(value.GetString()!, type.CharacterEncoding, path);
        if (bytes.Length > type.Length)
        {
            throw Fail(path, "string of " + bytes.Length + " bytes is too long for char[" + type.Length + "]");
        }

        bytes.CopyTo(destination);
        destination.Slice(bytes.Length, type.Length - bytes.Length).Clear();
    }

    private void WriteEnum(EnumType type, JsonElement value, Span<byte> destination, string path)
    {
        ulong bits;
        if (value.ValueKind == JsonValueKind.String)
        {
            string name = value.GetString()!;
            EnumValue? found = type.FindValue(name)
                ?? throw Fail(path, "unknown value '" + name + "' of enum '" + type.Name + "' (valid: " + ValidNames(type) + ")");
            bits = OtfPrimitives.Bits(found.Value, type.EncodingType);
        }
        else if (value.ValueKind == JsonValueKind.Number)
        {
            // The decoder writes values the schema does not name as their raw number; accept them back unchanged.
            bits = ParseInteger(value, type.EncodingType, path);
        }
        else
        {
            throw WrongKind(path, "a value name of enum '" + type.Name + "'", value);
        }

        OtfPrimitives.Write(destination, type.EncodingType, bits, _bigEndian);
    }

    private void WriteSet(SetType type, JsonElement value, Span<byte> destination, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(path, "an array of choice names of set '" + type.Name + "'", value);
        }

        int bitCount = type.EncodedLength * 8;
        ulong bits = 0;
        int index = 0;
        foreach (JsonElement element in value.EnumerateArray())
        {
            string elementPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (element.ValueKind == JsonValueKind.String)
            {
                string name = element.GetString()!;
                SetChoice? choice = FindChoice(type, name)
                    ?? throw Fail(elementPath, "unknown choice '" + name + "' of set '" + type.Name + "'");
                bits |= 1UL << choice.BitIndex;
            }
            else if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out int bitIndex) && bitIndex >= 0 && bitIndex < bitCount)
            {
                // Bits without a choice name come back from the decoder as their index.
                bits |= 1UL << bitIndex;
            }
            else
            {
                throw WrongKind(elementPath, "a choice name or a bit index 0.." + (bitCount - 1), element);
            }

            index++;
        }

        OtfPrimitives.Write(destination, type.EncodingType, bits, _bigEndian);
    }

    private void WriteComposite(CompositeType type, JsonElement value, Span<byte> destination, string path)
    {
        Dictionary<string, JsonElement> properties = Properties(value, path);
        foreach (string name in properties.Keys)
        {
            if (type.FindMember(name) == null)
            {
                throw Fail(Member(path, name), "unknown member '" + name + "' of composite '" + type.Name + "'");
            }
        }

        foreach (CompositeMember member in type.Members)
        {
            string memberPath = Member(path, member.Name);
            Presence presence = member.EncodedType?.Presence ?? Presence.Required;
            Span<byte> memberBytes = destination.Slice(member.Offset, member.EncodedLength);
            if (properties.TryGetValue(member.Name, out JsonElement memberValue))
            {
                WriteValue(member.Type, presence, memberValue, memberBytes, memberPath);
            }
            else if (presence == Presence.Required && member.SinceVersion == 0)
            {
                throw Fail(memberPath, "missing required member '" + member.Name + "'");
            }
            else
            {
                WriteNull(member.Type, memberBytes);
            }
        }
    }

    /// <summary>Writes the type's "no value": null sentinels for encoded types and enums, no bits for sets.</summary>
    private void WriteNull(SchemaType type, Span<byte> destination)
    {
        switch (type)
        {
            case EncodedType encoded when !encoded.IsConstant:
                ulong bits = OtfPrimitives.Bits(encoded.NullValue, encoded.Primitive);
                for (int i = 0; i < encoded.Length; i++)
                {
                    OtfPrimitives.Write(destination.Slice(i * encoded.ElementSize), encoded.Primitive, bits, _bigEndian);
                }

                break;
            case EnumType enumType:
                OtfPrimitives.Write(destination, enumType.EncodingType, OtfPrimitives.Bits(enumType.NullValue, enumType.EncodingType), _bigEndian);
                break;
            case SetType:
                destination.Slice(0, type.EncodedLength).Clear();
                break;
            case CompositeType composite:
                foreach (CompositeMember member in composite.Members)
                {
                    WriteNull(member.Type, destination.Slice(member.Offset, member.EncodedLength));
                }

                break;
        }
    }

    private void CheckConstant(Field field, JsonElement value, string path)
    {
        if (field.Type is EnumType)
        {
            string expected = field.ValueRefValue!.Name;
            if (value.ValueKind != JsonValueKind.String || !string.Equals(value.GetString(), expected, StringComparison.Ordinal))
            {
                throw Fail(path, "constant field '" + field.Name + "' is always '" + expected + "', got " + value.GetRawText());
            }

            return;
        }

        CheckConstant(field.ConstantValue!, ((EncodedType)field.Type).Primitive, value, path);
    }

    private static void CheckConstant(PrimitiveValue constant, PrimitiveType primitive, JsonElement value, string path)
    {
        bool matches;
        string expected;
        if (constant.IsBytes || primitive == PrimitiveType.Char)
        {
            byte[] bytes = constant.IsBytes ? constant.Bytes.ToArray() : new[] { (byte)constant.Int64Value };
            expected = OtfText.Decode(OtfText.TrimTrailingNuls(bytes), null);
            matches = value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), expected, StringComparison.Ordinal);
        }
        else if (PrimitiveTypes.IsFloatingPoint(primitive))
        {
            expected = constant.Literal;
            matches = value.ValueKind == JsonValueKind.Number && value.GetDouble().Equals(constant.DoubleValue);
        }
        else if (primitive == PrimitiveType.UInt64)
        {
            expected = constant.Literal;
            matches = value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out ulong u) && u == constant.UInt64Value;
        }
        else
        {
            expected = constant.Literal;
            matches = value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long v) && v == constant.Int64Value;
        }

        if (!matches)
        {
            throw Fail(path, "constant is always " + expected + ", got " + value.GetRawText());
        }
    }

    private static ulong ParseScalar(JsonElement value, PrimitiveType primitive, string path)
    {
        if (!PrimitiveTypes.IsFloatingPoint(primitive))
        {
            return ParseInteger(value, primitive, path);
        }

        double number;
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (primitive == PrimitiveType.Float)
            {
                // Parsed as float directly: going through double could round twice and miss the float the text names.
                if (!value.TryGetSingle(out float single) || !float.IsFinite(single))
                {
                    throw Fail(path, value.GetRawText() + " is out of range for float");
                }

                return BitConverter.SingleToUInt32Bits(single);
            }

            if (!value.TryGetDouble(out number) || !double.IsFinite(number))
            {
                throw Fail(path, value.GetRawText() + " is out of range for double");
            }
        }
        else if (value.ValueKind == JsonValueKind.String && TryParseNonFinite(value.GetString()!, out number))
        {
            // number holds the parsed NaN or infinity.
        }
        else
        {
            throw WrongKind(path, "a number (or \"NaN\", \"Infinity\", \"-Infinity\")", value);
        }

        return primitive == PrimitiveType.Float
            ? BitConverter.SingleToUInt32Bits((float)number)
            : BitConverter.DoubleToUInt64Bits(number);
    }

    private static ulong ParseInteger(JsonElement value, PrimitiveType primitive, string path)
    {
        string typeName = PrimitiveTypes.SchemaName(primitive);
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw WrongKind(path, "an integer (" + typeName + ")", value);
        }

        string range = primitive == PrimitiveType.UInt64
            ? "0.." + ulong.MaxValue.ToString(CultureInfo.InvariantCulture)
            : PrimitiveTypes.RangeLow(primitive).ToString(CultureInfo.InvariantCulture) + ".." + PrimitiveTypes.RangeHigh(primitive).ToString(CultureInfo.InvariantCulture);
        string outOfRange = value.GetRawText() + " is out of range for " + typeName + " (" + range + ")";
        if (value.TryGetInt64(out long signed))
        {
            if (primitive == PrimitiveType.UInt64 ? signed < 0 : signed < PrimitiveTypes.RangeLow(primitive) || signed > PrimitiveTypes.RangeHigh(primitive))
            {
                throw Fail(path, outOfRange);
            }

            return unchecked((ulong)signed);
        }

        if (value.TryGetUInt64(out ulong unsigned))
        {
            if (primitive != PrimitiveType.UInt64)
            {
                throw Fail(path, outOfRange);
            }

            return unsigned;
        }

        // Neither parse succeeded: either a fraction/exponent, or an integer beyond 64 bits.
        string raw = value.GetRawText();
        if (raw.AsSpan().IndexOfAny(".eE") >= 0)
        {
            throw Fail(path, "expected an integer (" + typeName + "), got " + raw);
        }

        throw Fail(path, outOfRange);
    }

    private static bool TryParseNonFinite(string text, out double value)
    {
        switch (text)
        {
            case OtfJson.NaN:
                value = double.NaN;
                return true;
            case OtfJson.PositiveInfinity:
                value = double.PositiveInfinity;
                return true;
            case OtfJson.NegativeInfinity:
                value = double.NegativeInfinity;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static byte[] EncodeText(string text, string? characterEncoding, string path)
    {
        byte[]? bytes = OtfText.TryEncode(text, characterEncoding, out char unencodable);
        if (bytes == null)
        {
            throw Fail(path, "character U+" + ((int)unencodable).ToString("X4", CultureInfo.InvariantCulture) + " cannot be encoded in "
                + (characterEncoding ?? "a single byte"));
        }

        return bytes;
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongKind(path, "an object", value);
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in value.EnumerateObject())
        {
            if (!properties.TryAdd(property.Name, property.Value))
            {
                throw Fail(Member(path, property.Name), "duplicate field '" + property.Name + "'");
            }
        }

        return properties;
    }

    private static bool HasMember(FieldContainer container, string name)
    {
        foreach (Field field in container.Fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (Group group in container.Groups)
        {
            if (string.Equals(group.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        foreach (VarData data in container.Data)
        {
            if (string.Equals(data.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static SetChoice? FindChoice(SetType type, string name)
    {
        foreach (SetChoice choice in type.Choices)
        {
            if (string.Equals(choice.Name, name, StringComparison.Ordinal))
            {
                return choice;
            }
        }

        return null;
    }

    private static string ValidNames(EnumType type)
    {
        var names = new StringBuilder();
        foreach (EnumValue value in type.Values)
        {
            if (names.Length > 0)
            {
                names.Append(", ");
            }

            names.Append(value.Name);
        }

        return names.ToString();
    }

    private Span<byte> Claim(int length)
    {
        Span<byte> span = _output.GetSpan(length).Slice(0, length);
        span.Clear();
        return span;
    }

    private void WriteHeaderMember(CompositeType header, string name, ulong value, Span<byte> destination)
    {
        WriteMember(header.FindMember(name)!, value, destination);
    }

    private void WriteMember(CompositeMember member, ulong value, Span<byte> composite)
    {
        OtfPrimitives.Write(composite.Slice(member.Offset), ((EncodedType)member.Type).Primitive, value, _bigEndian);
    }

    private static string Member(string path, string name) => path + "." + name;

    private static OtfEncodeException WrongKind(string path, string expected, JsonElement value)
    {
        return Fail(path, "expected " + expected + ", got " + Describe(value));
    }

    private static string Describe(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object: return "an object";
            case JsonValueKind.Array: return "an array";
            case JsonValueKind.Null: return "null";
            default: return value.GetRawText();
        }
    }

    private static OtfEncodeException Fail(string path, string reason) => new OtfEncodeException(path, reason);
}
