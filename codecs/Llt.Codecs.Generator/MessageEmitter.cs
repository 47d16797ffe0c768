using System.Collections.Generic;
using System.Linq;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Generator;

/// <summary>
/// Emits a message's encoder and decoder ref structs, with groups as nested ref structs to any depth. Messages keep
/// their limit in a field; groups hold a <c>ref int</c> to it, so groups and var data advance one shared position.
/// </summary>
internal sealed class MessageEmitter
{
    private const string Error = PrimitiveCode.Runtime + ".SbeError";
    private const string Reason = PrimitiveCode.Runtime + ".SbeErrorReason";
    private const string Throw = PrimitiveCode.Runtime + ".SbeThrowHelper";

    private readonly MessageSchema _schema;
    private readonly AccessorEmitter _accessors;
    private readonly string _headerPrefix;

    public MessageEmitter(MessageSchema schema, AccessorEmitter accessors)
    {
        _schema = schema;
        _accessors = accessors;
        _headerPrefix = Naming.Pascal(schema.HeaderType.Name);
    }

    public void Emit(CodeWriter w, Message message)
    {
        EmitMessageEncoder(w, message);
        w.Line();
        EmitMessageDecoder(w, message);
    }

    private ByteOrder Order => _schema.ByteOrder;

    private void EmitMessageEncoder(CodeWriter w, Message message)
    {
        string name = Naming.Pascal(message.Name) + "Encoder";
        CompositeType header = _schema.HeaderType;
        w.Summary((message.Description ?? "Message " + message.Name) + ": encoder flyweight. Write fields in any order, then groups and var data in schema order.");
        w.Open("public ref struct " + name);
        EmitMessageConstants(w, message);
        w.Line("private ref byte _buffer;");
        w.Line("private int _capacity;");
        w.Line("private int _offset;");
        w.Line("private int _limit;");
        w.Line();
        // Inlined, and the constructor sets the fields itself: an out-of-line Wrap that returns a copy of `this` makes
        // the caller reload the 16 bytes it just stored in three narrower stores, a store-forwarding stall on every
        // encode (seen under Native AOT, which has no profile to make it inline Wrap on its own).
        w.Line(PrimitiveCode.Inline);
        w.Open("public " + name + "(global::System.Span<byte> buffer, int offset)");
        w.Open("if ((uint)offset > (uint)buffer.Length || buffer.Length - offset < BlockLength)");
        w.Line(Throw + ".ThrowCapacityExceeded(offset + BlockLength, buffer.Length);");
        w.Close();
        w.Line();
        w.Line("_buffer = ref SbeMemoryMarshal.GetReference(buffer);");
        w.Line("_capacity = buffer.Length;");
        w.Line("_offset = offset;");
        w.Line("_limit = offset + BlockLength;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Wraps the message body (no header) at <paramref name=\"offset\"/>.</summary>");
        w.Line(PrimitiveCode.Inline);
        w.Open("public " + name + " Wrap(global::System.Span<byte> buffer, int offset)");
        w.Line("this = new " + name + "(buffer, offset);");
        w.Line("return this;");
        w.Close();
        w.Line();
        w.Open("public unsafe " + name + " Wrap(byte* buffer, int length, int offset)");
        w.Line("return Wrap(new global::System.Span<byte>(buffer, length), offset);");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Writes the message header at <paramref name=\"offset\"/> and returns an encoder over the body after it. Static, so a");
        w.Line("/// stackalloc buffer works: the result lives no longer than <paramref name=\"buffer\"/>.");
        w.Line("/// </summary>");
        w.Line(PrimitiveCode.Inline);
        w.Open("public static " + name + " WrapAndApplyHeader(global::System.Span<byte> buffer, int offset)");
        w.Open("if ((uint)offset > (uint)buffer.Length || buffer.Length - offset < HeaderLength + BlockLength)");
        w.Line(Throw + ".ThrowCapacityExceeded(offset + HeaderLength + BlockLength, buffer.Length);");
        w.Close();
        w.Line();
        w.Line("ref byte start = ref SbeMemoryMarshal.GetReference(buffer);");
        WriteHeaderMember(w, header, "blockLength", "BlockLength");
        WriteHeaderMember(w, header, "templateId", "TemplateId");
        WriteHeaderMember(w, header, "schemaId", "SchemaId");
        WriteHeaderMember(w, header, "version", "SchemaVersion");
        w.Line("return new " + name + "(buffer, offset + HeaderLength);");
        w.Close();
        w.Line();
        w.Open("public static unsafe " + name + " WrapAndApplyHeader(byte* buffer, int length, int offset)");
        w.Line("return WrapAndApplyHeader(new global::System.Span<byte>(buffer, length), offset);");
        w.Close();
        w.Line();
        EmitPositionMembers(w, false);
        EmitEncoderBody(w, message, true);
        w.Close();
    }

    private void WriteHeaderMember(CodeWriter w, CompositeType header, string member, string constant)
    {
        CompositeMember m = header.FindMember(member)!;
        PrimitiveType type = ((EncodedType)m.Type).Primitive;
        w.Line(PrimitiveCode.Write(Order, type, "ref SbeUnsafe.Add(ref start, offset + " + m.Offset + ")", "unchecked((" + PrimitiveCode.CsType(type) + ")" + constant + ")") + ";");
    }

    private string ReadHeaderMember(CompositeType header, string member, string baseRef, string offset)
    {
        CompositeMember m = header.FindMember(member)!;
        PrimitiveType type = ((EncodedType)m.Type).Primitive;
        return "(int)" + PrimitiveCode.Read(Order, type, "ref SbeUnsafe.Add(ref " + baseRef + ", " + offset + " + " + m.Offset + ")");
    }

    private void EmitMessageConstants(CodeWriter w, Message message)
    {
        w.Line("public const int BlockLength = " + message.BlockLength + ";");
        w.Line("public const int TemplateId = " + message.Id + ";");
        w.Line("public const int SchemaId = " + _schema.Id + ";");
        w.Line("public const int SchemaVersion = " + _schema.Version + ";");
        w.Line("public const string SemanticType = " + Naming.Quote(message.SemanticType ?? string.Empty) + ";");
        w.Line("/// <summary>Length of the message header (" + _schema.HeaderType.Name + ").</summary>");
        w.Line("public const int HeaderLength = " + _schema.HeaderType.EncodedLength + ";");
        w.Line();
    }

    private static void EmitPositionMembers(CodeWriter w, bool decoder)
    {
        w.Line("/// <summary>Offset of the message body (after the header).</summary>");
        w.Line("public readonly int Offset => _offset;");
        w.Line();
        w.Line("/// <summary>Offset just past what has been written or read so far.</summary>");
        w.Line("public readonly int Limit => _limit;");
        w.Line();
        w.Line("/// <summary>Bytes from the start of the body (after the header) to <see cref=\"Limit\"/>.</summary>");
        w.Line("public readonly int EncodedLength => _limit - _offset;");
        w.Line();
        if (decoder)
        {
            w.Line("public readonly int ActingBlockLength => _actingBlockLength;");
            w.Line();
            w.Line("public readonly int ActingVersion => _actingVersion;");
            w.Line();
        }
    }

    private void EmitEncoderBody(CodeWriter w, FieldContainer container, bool isMessage)
    {
        foreach (Field field in container.Fields)
        {
            _accessors.EmitEncoder(w, Slot.From(field));
        }

        foreach (Group group in container.Groups)
        {
            string type = Naming.Pascal(group.Name) + "Encoder";
            w.Summary("Starts group " + group.Name + " with <paramref name=\"count\"/> entries; call Next() before each entry.");
            if (isMessage)
            {
                w.Line("[SbeUnscopedRef]");
            }

            w.Line("public " + type + " " + Naming.Pascal(group.Name) + "Count(int count) => new " + type + "(ref _buffer, ref _limit, _capacity, count);");
            w.Line();
        }

        foreach (VarData data in container.Data)
        {
            EmitVarDataEncoder(w, data);
        }

        foreach (Group group in container.Groups)
        {
            EmitGroupEncoder(w, group);
        }
    }

    private void EmitVarDataEncoder(CodeWriter w, VarData data)
    {
        string property = Naming.Pascal(data.Name);
        PrimitiveType lengthType = data.LengthPrimitive;
        int prefix = data.VarDataMember.Offset;
        long max = data.MaxLength > int.MaxValue ? int.MaxValue : data.MaxLength;
        w.Line("public const int " + property + "HeaderLength = " + prefix + ";");
        w.Line("public const int " + property + "MaxLength = " + max + ";");
        w.Line();
        w.Summary("Writes var data " + data.Name + " (length prefix, then bytes) at the current limit. Var data must be written in schema order.");
        w.Open("public void Set" + property + "(global::System.ReadOnlySpan<byte> value)");
        w.Line("int data = Begin" + property + "(value.Length);");
        w.Line("value.CopyTo(SbeMemoryMarshal.CreateSpan(ref SbeUnsafe.Add(ref _buffer, data), value.Length));");
        w.Close();
        w.Line();
        if (data.CharacterEncoding != null)
        {
            w.Summary("Writes var data " + data.Name + " encoded as " + data.CharacterEncoding + "; no allocation.");
            w.Open("public void Set" + property + "(string value)");
            w.Line("SbeEncoding encoding = " + PrimitiveCode.EncodingExpression(data.CharacterEncoding) + ";");
            w.Line("int length = encoding.GetByteCount(value);");
            w.Line("int data = Begin" + property + "(length);");
            w.Line("encoding.GetBytes(value, SbeMemoryMarshal.CreateSpan(ref SbeUnsafe.Add(ref _buffer, data), length));");
            w.Close();
            w.Line();
        }

        w.Open("private int Begin" + property + "(int length)");
        w.Open("if ((uint)length > " + property + "MaxLength)");
        w.Line(Throw + ".ThrowValueTooLong(length, " + property + "MaxLength);");
        w.Close();
        w.Line();
        w.Line("int limit = _limit;");
        w.Line("int data = limit + " + prefix + ";");
        w.Open("if (_capacity - data < length)");
        w.Line(Throw + ".ThrowCapacityExceeded(data + length, _capacity);");
        w.Close();
        w.Line();
        w.Line(PrimitiveCode.Write(Order, lengthType, PrimitiveCode.Address("limit + " + data.LengthMember.Offset), "(" + PrimitiveCode.CsType(lengthType) + ")length") + ";");
        w.Line("_limit = data + length;");
        w.Line("return data;");
        w.Close();
        w.Line();
    }

    private void EmitGroupEncoder(CodeWriter w, Group group)
    {
        string name = Naming.Pascal(group.Name) + "Encoder";
        w.Summary((group.Description ?? "Group " + group.Name) + ": encoder. Call Next() before writing each entry.");
        w.Open("public ref struct " + name);
        w.Line("public const int BlockLength = " + group.BlockLength + ";");
        w.Line("public const int HeaderLength = " + group.DimensionType.EncodedLength + ";");
        w.Line("public const int MaxCount = " + System.Math.Min(group.MaxCount, int.MaxValue) + ";");
        w.Line();
        w.Line("private ref byte _buffer;");
        w.Line("private ref int _limit;");
        w.Line("private int _capacity;");
        w.Line("private int _offset;");
        w.Line("private int _count;");
        w.Line("private int _index;");
        w.Line();
        w.Open("internal " + name + "(ref byte buffer, ref int limit, int capacity, int count)");
        w.Open("if ((uint)count > MaxCount)");
        w.Line(Throw + ".ThrowCountOutOfRange(count, MaxCount);");
        w.Close();
        w.Line();
        w.Line("int dimension = limit;");
        w.Open("if (capacity - dimension < HeaderLength)");
        w.Line(Throw + ".ThrowCapacityExceeded(dimension + HeaderLength, capacity);");
        w.Close();
        w.Line();
        w.Line("_buffer = ref buffer;");
        w.Line("_limit = ref limit;");
        w.Line("_capacity = capacity;");
        w.Line("_offset = dimension;");
        w.Line("_count = count;");
        w.Line("_index = -1;");
        w.Line(PrimitiveCode.Write(Order, group.BlockLengthPrimitive, PrimitiveCode.Address("dimension + " + group.BlockLengthMember.Offset), "(" + PrimitiveCode.CsType(group.BlockLengthPrimitive) + ")BlockLength") + ";");
        w.Line(PrimitiveCode.Write(Order, group.NumInGroupPrimitive, PrimitiveCode.Address("dimension + " + group.NumInGroupMember.Offset), "(" + PrimitiveCode.CsType(group.NumInGroupPrimitive) + ")count") + ";");
        w.Line("limit = dimension + HeaderLength;");
        w.Close();
        w.Line();
        w.Line("public readonly int Count => _count;");
        w.Line();
        w.Line("/// <summary>Moves to the next entry: its block starts at the current limit.</summary>");
        w.Open("public " + name + " Next()");
        w.Open("if (_index + 1 >= _count)");
        w.Line(Throw + ".ThrowNoMoreEntries(_count);");
        w.Close();
        w.Line();
        w.Line("int offset = _limit;");
        w.Open("if (_capacity - offset < BlockLength)");
        w.Line(Throw + ".ThrowCapacityExceeded(offset + BlockLength, _capacity);");
        w.Close();
        w.Line();
        w.Line("_index++;");
        w.Line("_offset = offset;");
        w.Line("_limit = offset + BlockLength;");
        w.Line("return this;");
        w.Close();
        w.Line();
        EmitEncoderBody(w, group, false);
        w.Close();
        w.Line();
    }

    private void EmitMessageDecoder(CodeWriter w, Message message)
    {
        string name = Naming.Pascal(message.Name) + "Decoder";
        CompositeType header = _schema.HeaderType;
        w.Summary((message.Description ?? "Message " + message.Name) + ": decoder flyweight. Read groups and var data in schema order.");
        w.Open("public ref struct " + name);
        EmitMessageConstants(w, message);
        w.Line("private ref byte _buffer;");
        w.Line("private int _capacity;");
        w.Line("private int _offset;");
        w.Line("private int _limit;");
        w.Line("private int _actingBlockLength;");
        w.Line("private int _actingVersion;");
        w.Line();
        w.Open("public " + name + "(global::System.ReadOnlySpan<byte> buffer, int offset, int actingBlockLength, int actingVersion)");
        w.Line("Wrap(buffer, offset, actingBlockLength, actingVersion);");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Trusted hot path: wraps the body at <paramref name=\"offset\"/> without any check. Use TryDecode for untrusted input.");
        w.Line("/// </summary>");
        w.Line(PrimitiveCode.Inline);
        w.Open("public " + name + " Wrap(global::System.ReadOnlySpan<byte> buffer, int offset, int actingBlockLength, int actingVersion)");
        w.Line("_buffer = ref SbeMemoryMarshal.GetReference(buffer);");
        w.Line("_capacity = buffer.Length;");
        w.Line("_offset = offset;");
        w.Line("_limit = offset + actingBlockLength;");
        w.Line("_actingBlockLength = actingBlockLength;");
        w.Line("_actingVersion = actingVersion;");
        w.Line("return this;");
        w.Close();
        w.Line();
        w.Line(PrimitiveCode.Inline);
        w.Open("public unsafe " + name + " Wrap(byte* buffer, int length, int offset, int actingBlockLength, int actingVersion)");
        w.Line("return Wrap(new global::System.ReadOnlySpan<byte>(buffer, length), offset, actingBlockLength, actingVersion);");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Trusted hot path: reads the header at <paramref name=\"offset\"/> (unchecked) and returns a decoder over the body");
        w.Line("/// after it. Static, so a stackalloc buffer works.");
        w.Line("/// </summary>");
        w.Line(PrimitiveCode.Inline);
        w.Open("public static " + name + " WrapWithHeader(global::System.ReadOnlySpan<byte> buffer, int offset)");
        w.Line("ref byte start = ref SbeMemoryMarshal.GetReference(buffer);");
        w.Line("int blockLength = " + ReadHeaderMember(header, "blockLength", "start", "offset") + ";");
        w.Line("int version = " + ReadHeaderMember(header, "version", "start", "offset") + ";");
        w.Line("return new " + name + "(buffer, offset + HeaderLength, blockLength, version);");
        w.Close();
        w.Line();
        EmitTryDecode(w, message, name);
        EmitPositionMembers(w, true);
        EmitRequiredBlockLength(w, message);
        EmitValidateTail(w, message);
        EmitDecoderBody(w, message, true);

        w.Line("/// <summary>Appends a readable form of the whole message; does not move this decoder (allocates).</summary>");
        w.Open("public readonly void AppendTo(SbeStringBuilder builder)");
        w.Line("var copy = this;");
        w.Line("copy._limit = _offset + _actingBlockLength;");
        w.Line("copy.AppendBody(builder);");
        w.Close();
        w.Line();
        w.Open("private void AppendBody(SbeStringBuilder builder)");
        w.Line("builder.Append(\"" + message.Name + "\");");
        EmitAppendBody(w, message);
        w.Close();
        w.Line();
        w.Open("public override readonly string ToString()");
        w.Line("var builder = new SbeStringBuilder();");
        w.Line("AppendTo(builder);");
        w.Line("return builder.ToString();");
        w.Close();
        w.Close();
    }

    private void EmitTryDecode(CodeWriter w, Message message, string name)
    {
        CompositeType header = _schema.HeaderType;
        w.Line("/// <summary>");
        w.Line("/// Checked entry point for untrusted input: validates the header at <paramref name=\"offset\"/> (template, schema,");
        w.Line("/// blockLength) and walks every group and var data against the buffer, so that reading the returned decoder in");
        w.Line("/// schema order stays inside <paramref name=\"buffer\"/>. Never throws.");
        w.Line("/// </summary>");
        w.Open("public static " + PrimitiveCode.Runtime + ".SbeDecodeStatus TryDecode(global::System.ReadOnlySpan<byte> buffer, int offset, out " + name + " decoder, out " + Error + " error)");
        w.Line("decoder = default;");
        w.Line("int capacity = buffer.Length;");
        w.Open("if ((uint)offset > (uint)capacity)");
        w.Line("error = new " + Error + "(offset, " + Reason + ".OffsetOutOfRange);");
        w.Line("return error.Status;");
        w.Close();
        w.Line();
        w.Open("if (capacity - offset < HeaderLength)");
        w.Line("error = new " + Error + "(offset, " + Reason + ".HeaderTruncated);");
        w.Line("return error.Status;");
        w.Close();
        w.Line();
        w.Line("ref byte start = ref SbeMemoryMarshal.GetReference(buffer);");
        w.Line("int blockLength = " + ReadHeaderMember(header, "blockLength", "start", "offset") + ";");
        w.Line("int templateId = " + ReadHeaderMember(header, "templateId", "start", "offset") + ";");
        w.Line("int schemaId = " + ReadHeaderMember(header, "schemaId", "start", "offset") + ";");
        w.Line("int version = " + ReadHeaderMember(header, "version", "start", "offset") + ";");
        w.Open("if (schemaId != SchemaId)");
        w.Line("error = new " + Error + "(offset + " + header.FindMember("schemaId")!.Offset + ", " + Reason + ".WrongSchemaId);");
        w.Line("return error.Status;");
        w.Close();
        w.Line();
        w.Open("if (templateId != TemplateId)");
        w.Line("error = new " + Error + "(offset + " + header.FindMember("templateId")!.Offset + ", " + Reason + ".WrongTemplateId);");
        w.Line("return error.Status;");
        w.Close();
        w.Line();
        w.Open("if (blockLength < RequiredBlockLength(version))");
        w.Line("error = new " + Error + "(offset + " + header.FindMember("blockLength")!.Offset + ", " + Reason + ".BlockLengthTooSmall);");
        w.Line("return error.Status;");
        w.Close();
        w.Line();
        w.Line("int body = offset + HeaderLength;");
        w.Open("if (capacity - body < blockLength)");
        w.Line("error = new " + Error + "(body, " + Reason + ".BlockTruncated);");
        w.Line("return error.Status;");
        w.Close();
        w.Line();
        w.Line("int limit = body + blockLength;");
        w.Open("if (!ValidateTail(ref start, capacity, ref limit, version, out error))");
        w.Line("return error.Status;");
        w.Close();
        w.Line();
        w.Line("decoder = new " + name + "(buffer, body, blockLength, version);");
        w.Line("return " + PrimitiveCode.Runtime + ".SbeDecodeStatus.Ok;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Like TryDecode but throws <see cref=\"" + PrimitiveCode.Runtime + ".SbeDecodeException\"/>; not for the hot path.</summary>");
        w.Open("public static " + name + " Decode(global::System.ReadOnlySpan<byte> buffer, int offset)");
        w.Open("if (TryDecode(buffer, offset, out " + name + " decoder, out " + Error + " error) != " + PrimitiveCode.Runtime + ".SbeDecodeStatus.Ok)");
        w.Line(Throw + ".ThrowDecode(error);");
        w.Close();
        w.Line();
        w.Line("return decoder;");
        w.Close();
        w.Line();
    }

    private static void EmitRequiredBlockLength(CodeWriter w, FieldContainer container)
    {
        w.Line("/// <summary>Block bytes holding the fields a sender at <paramref name=\"actingVersion\"/> writes.</summary>");
        w.Open("public static int RequiredBlockLength(int actingVersion)");
        List<int> versions = container.Fields.Select(f => f.SinceVersion).Where(v => v > 0).Distinct().OrderByDescending(v => v).ToList();
        foreach (int version in versions)
        {
            w.Open("if (actingVersion >= " + version + ")");
            w.Line("return " + container.RequiredBlockLength(version) + ";");
            w.Close();
            w.Line();
        }

        w.Line("return " + container.RequiredBlockLength(0) + ";");
        w.Close();
        w.Line();
    }

    private void EmitValidateTail(CodeWriter w, FieldContainer container)
    {
        w.Open("internal static bool ValidateTail(ref byte buffer, int capacity, ref int limit, int actingVersion, out " + Error + " error)");
        foreach (Group group in container.Groups)
        {
            string call = Naming.Pascal(group.Name) + "Decoder.Validate(ref buffer, capacity, ref limit, actingVersion, out error)";
            if (group.SinceVersion > 0)
            {
                w.Open("if (actingVersion >= " + group.SinceVersion + " && !" + call + ")");
            }
            else
            {
                w.Open("if (!" + call + ")");
            }

            w.Line("return false;");
            w.Close();
            w.Line();
        }

        foreach (VarData data in container.Data)
        {
            bool versioned = data.SinceVersion > 0;
            if (versioned)
            {
                w.Open("if (actingVersion >= " + data.SinceVersion + ")");
            }
            else
            {
                w.Line("{");
            }

            int prefix = data.VarDataMember.Offset;
            w.Open("if (capacity - limit < " + prefix + ")");
            w.Line("error = new " + Error + "(limit, " + Reason + ".VarDataHeaderTruncated);");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("long length = " + PrimitiveCode.Read(Order, data.LengthPrimitive, "ref SbeUnsafe.Add(ref buffer, limit + " + data.LengthMember.Offset + ")") + ";");
            w.Open("if (length > capacity - limit - " + prefix + ")");
            w.Line("error = new " + Error + "(limit, " + Reason + ".VarDataTruncated);");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("limit += " + prefix + " + (int)length;");
            if (versioned)
            {
                w.Close();
            }
            else
            {
                w.Line("}");
            }

            w.Line();
        }

        w.Line("error = default;");
        w.Line("return true;");
        w.Close();
        w.Line();
    }

    private void EmitDecoderBody(CodeWriter w, FieldContainer container, bool isMessage)
    {
        foreach (Field field in container.Fields)
        {
            _accessors.EmitDecoder(w, Slot.From(field));
        }

        foreach (Group group in container.Groups)
        {
            string type = Naming.Pascal(group.Name) + "Decoder";
            string open = "new " + type + "(ref _buffer, ref _limit, _capacity, _actingVersion)";
            w.Summary("Reads the dimension of group " + group.Name + " at the current limit; step through entries with Next() or foreach."
                + (group.SinceVersion > 0 ? " Empty when the sender's version is older than " + group.SinceVersion + "." : string.Empty));
            if (isMessage)
            {
                w.Line("[SbeUnscopedRef]");
            }

            string body = group.SinceVersion > 0 ? "_actingVersion < " + group.SinceVersion + " ? default : " + open : open;
            w.Line("public " + type + " " + Naming.Pascal(group.Name) + "() => " + body + ";");
            w.Line();
        }

        foreach (VarData data in container.Data)
        {
            EmitVarDataDecoder(w, data);
        }

        foreach (Group group in container.Groups)
        {
            EmitGroupDecoder(w, group);
        }
    }

    private void EmitVarDataDecoder(CodeWriter w, VarData data)
    {
        string property = Naming.Pascal(data.Name);
        int prefix = data.VarDataMember.Offset;
        string guard = data.SinceVersion > 0 ? "if (_actingVersion < " + data.SinceVersion + ")" : null!;
        w.Line("public const int " + property + "HeaderLength = " + prefix + ";");
        w.Line();
        w.Summary("Length of var data " + data.Name + " at the current limit, without moving past it.");
        w.Open("public readonly int " + property + "Length()");
        if (guard != null)
        {
            w.Open(guard);
            w.Line("return 0;");
            w.Close();
            w.Line();
        }

        w.Line("int limit = _limit;");
        w.Open("if (_capacity - limit < " + prefix + ")");
        w.Line(Throw + ".ThrowPastEnd(limit, " + prefix + ", _capacity);");
        w.Close();
        w.Line();
        w.Line("return (int)" + PrimitiveCode.Read(Order, data.LengthPrimitive, PrimitiveCode.Address("limit + " + data.LengthMember.Offset)) + ";");
        w.Close();
        w.Line();
        w.Summary("Reads var data " + data.Name + " at the current limit and moves past it; a view of the buffer, no copy.");
        w.Open("public global::System.ReadOnlySpan<byte> Get" + property + "()");
        if (guard != null)
        {
            w.Open(guard);
            w.Line("return default;");
            w.Close();
            w.Line();
        }

        w.Line("int length = " + property + "Length();");
        w.Line("int data = _limit + " + prefix + ";");
        w.Open("if ((uint)length > (uint)(_capacity - data))");
        w.Line(Throw + ".ThrowPastEnd(data, length, _capacity);");
        w.Close();
        w.Line();
        w.Line("_limit = data + length;");
        w.Line("return SbeMemoryMarshal.CreateReadOnlySpan(ref SbeUnsafe.Add(ref _buffer, data), length);");
        w.Close();
        w.Line();
        w.Summary("Reads var data " + data.Name + " as a string (" + (data.CharacterEncoding ?? "US-ASCII") + "; allocates) and moves past it.");
        w.Line("public string Get" + property + "AsString() => " + PrimitiveCode.EncodingExpression(data.CharacterEncoding) + ".GetString(Get" + property + "());");
        w.Line();
    }

    private void EmitGroupDecoder(CodeWriter w, Group group)
    {
        string name = Naming.Pascal(group.Name) + "Decoder";
        w.Summary((group.Description ?? "Group " + group.Name) + ": decoder. Entries are read in order with Next() (or foreach).");
        w.Open("public ref struct " + name);
        w.Line("public const int BlockLength = " + group.BlockLength + ";");
        w.Line("public const int HeaderLength = " + group.DimensionType.EncodedLength + ";");
        w.Line("public const int MaxCount = " + System.Math.Min(group.MaxCount, int.MaxValue) + ";");
        w.Line();
        w.Line("private ref byte _buffer;");
        w.Line("private ref int _limit;");
        w.Line("private int _capacity;");
        w.Line("private int _offset;");
        w.Line("private int _blockLength;");
        w.Line("private int _count;");
        w.Line("private int _index;");
        w.Line("private int _actingVersion;");
        w.Line();
        w.Open("internal " + name + "(ref byte buffer, ref int limit, int capacity, int actingVersion)");
        w.Line("int dimension = limit;");
        w.Open("if (capacity - dimension < HeaderLength)");
        w.Line(Throw + ".ThrowPastEnd(dimension, HeaderLength, capacity);");
        w.Close();
        w.Line();
        w.Line("_buffer = ref buffer;");
        w.Line("_limit = ref limit;");
        w.Line("_capacity = capacity;");
        w.Line("_offset = dimension;");
        w.Line("_actingVersion = actingVersion;");
        w.Line("_index = -1;");
        w.Line("_blockLength = (int)" + PrimitiveCode.Read(Order, group.BlockLengthPrimitive, PrimitiveCode.Address("dimension + " + group.BlockLengthMember.Offset)) + ";");
        w.Line("_count = (int)" + PrimitiveCode.Read(Order, group.NumInGroupPrimitive, PrimitiveCode.Address("dimension + " + group.NumInGroupMember.Offset)) + ";");
        w.Line("limit = dimension + HeaderLength;");
        w.Close();
        w.Line();
        w.Line("public readonly int Count => _count;");
        w.Line();
        w.Line("/// <summary>The sender's block length for entries of this group (skips fields this decoder does not know).</summary>");
        w.Line("public readonly int ActingBlockLength => _blockLength;");
        w.Line();
        w.Line("public readonly bool HasNext => _index + 1 < _count;");
        w.Line();
        w.Line("/// <summary>Moves to the next entry: its block starts at the current limit.</summary>");
        w.Open("public " + name + " Next()");
        w.Open("if (_index + 1 >= _count)");
        w.Line(Throw + ".ThrowNoMoreEntries(_count);");
        w.Close();
        w.Line();
        w.Line("int offset = _limit;");
        w.Open("if (_capacity - offset < _blockLength)");
        w.Line(Throw + ".ThrowPastEnd(offset, _blockLength, _capacity);");
        w.Close();
        w.Line();
        w.Line("_index++;");
        w.Line("_offset = offset;");
        w.Line("_limit = offset + _blockLength;");
        w.Line("return this;");
        w.Close();
        w.Line();
        w.Line("public readonly " + name + " GetEnumerator() => this;");
        w.Line();
        w.Open("public bool MoveNext()");
        w.Open("if (_index + 1 >= _count)");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("Next();");
        w.Line("return true;");
        w.Close();
        w.Line();
        w.Line("public readonly " + name + " Current => this;");
        w.Line();
        EmitGroupValidate(w, group);
        EmitRequiredBlockLength(w, group);
        EmitValidateTail(w, group);
        EmitDecoderBody(w, group, false);
        w.Line("/// <summary>Appends the remaining entries in a readable form, consuming them.</summary>");
        w.Open("public void AppendTo(SbeStringBuilder builder)");
        w.Line("builder.Append('[');");
        w.Line("bool first = true;");
        w.Open("while (HasNext)");
        w.Line("Next();");
        w.Line("builder.Append(first ? \"\" : \", \");");
        w.Line("first = false;");
        EmitAppendBody(w, group);
        w.Close();
        w.Line();
        w.Line("builder.Append(']');");
        w.Close();
        w.Close();
        w.Line();
    }

    private void EmitGroupValidate(CodeWriter w, Group group)
    {
        bool nested = group.Groups.Count > 0 || group.Data.Count > 0;
        w.Open("internal static bool Validate(ref byte buffer, int capacity, ref int limit, int actingVersion, out " + Error + " error)");
        w.Line("int dimension = limit;");
        w.Open("if (capacity - dimension < HeaderLength)");
        w.Line("error = new " + Error + "(dimension, " + Reason + ".GroupHeaderTruncated);");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("long blockLength = " + PrimitiveCode.Read(Order, group.BlockLengthPrimitive, "ref SbeUnsafe.Add(ref buffer, dimension + " + group.BlockLengthMember.Offset + ")") + ";");
        w.Line("long count = " + PrimitiveCode.Read(Order, group.NumInGroupPrimitive, "ref SbeUnsafe.Add(ref buffer, dimension + " + group.NumInGroupMember.Offset + ")") + ";");
        w.Open("if (blockLength < RequiredBlockLength(actingVersion))");
        w.Line("error = new " + Error + "(dimension + " + group.BlockLengthMember.Offset + ", " + Reason + ".GroupBlockLengthTooSmall);");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Open("if (count > MaxCount)");
        w.Line("error = new " + Error + "(dimension + " + group.NumInGroupMember.Offset + ", " + Reason + ".GroupCountTooLarge);");
        w.Line("return false;");
        w.Close();
        w.Line();
        w.Line("limit = dimension + HeaderLength;");
        w.Open("if (count * blockLength > capacity - limit)");
        w.Line("error = new " + Error + "(dimension + " + group.NumInGroupMember.Offset + ", " + Reason + ".GroupTruncated);");
        w.Line("return false;");
        w.Close();
        w.Line();
        if (nested)
        {
            w.Open("for (long i = 0; i < count; i++)");
            w.Line("// Nested entries may have used up the room the count check saw, so each block is checked again.");
            w.Open("if (blockLength > capacity - limit)");
            w.Line("error = new " + Error + "(limit, " + Reason + ".GroupTruncated);");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Line("limit += (int)blockLength;");
            w.Open("if (!ValidateTail(ref buffer, capacity, ref limit, actingVersion, out error))");
            w.Line("return false;");
            w.Close();
            w.Close();
            w.Line();
        }
        else
        {
            w.Line("limit += (int)(count * blockLength);");
        }

        w.Line("error = default;");
        w.Line("return true;");
        w.Close();
        w.Line();
    }

    private void EmitAppendBody(CodeWriter w, FieldContainer container)
    {
        w.Line("builder.Append('(');");
        bool first = true;
        foreach (Field field in container.Fields)
        {
            if (!first)
            {
                w.Line("builder.Append(\", \");");
            }

            first = false;
            _accessors.EmitAppend(w, Slot.From(field));
        }

        foreach (Group group in container.Groups)
        {
            if (!first)
            {
                w.Line("builder.Append(\", \");");
            }

            first = false;
            w.Line("builder.Append(\"" + group.Name + "=\");");
            w.Line(Naming.Pascal(group.Name) + "().AppendTo(builder);");
        }

        foreach (VarData data in container.Data)
        {
            if (!first)
            {
                w.Line("builder.Append(\", \");");
            }

            first = false;
            w.Line("builder.Append(\"" + data.Name + "=\");");
            if (data.CharacterEncoding != null)
            {
                w.Line("builder.Append('\\'').Append(Get" + Naming.Pascal(data.Name) + "AsString()).Append('\\'');");
            }
            else
            {
                w.Line("builder.Append(Get" + Naming.Pascal(data.Name) + "().Length).Append(\" bytes\");");
            }
        }

        w.Line("builder.Append(')');");
    }
}
