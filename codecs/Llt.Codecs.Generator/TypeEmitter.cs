using Llt.Codecs.Schema;

namespace Llt.Codecs.Generator;

/// <summary>Emits C# enums for SBE enums and sets, and encoder/decoder flyweights for composites.</summary>
internal sealed class TypeEmitter
{
    private readonly MessageSchema _schema;
    private readonly AccessorEmitter _accessors;

    public TypeEmitter(MessageSchema schema, AccessorEmitter accessors)
    {
        _schema = schema;
        _accessors = accessors;
    }

    public void EmitEnum(CodeWriter w, EnumType enumType)
    {
        string underlying = PrimitiveCode.CsType(enumType.EncodingType);
        w.Summary(enumType.Description ?? "SBE enum " + enumType.Name + " (" + PrimitiveTypes.SchemaName(enumType.EncodingType) + ").");
        w.Open("public enum " + Naming.Pascal(enumType.Name) + " : " + underlying);
        bool hasNull = false;
        foreach (EnumValue value in enumType.Values)
        {
            string name = Naming.Pascal(value.Name);
            hasNull |= name == "NullValue";
            string comment = enumType.EncodingType == PrimitiveType.Char ? " // '" + (char)value.Value.Int64Value + "'" : string.Empty;
            w.Summary(Describe(value.Description, value.SinceVersion, value.Deprecated));
            w.Line(name + " = " + PrimitiveCode.EnumLiteral(enumType.EncodingType, value.Value.Int64Value) + "," + comment);
        }

        if (!hasNull)
        {
            w.Line("/// <summary>No value: what an optional or not-yet-present enum field reads as.</summary>");
            w.Line("NullValue = " + PrimitiveCode.EnumLiteral(enumType.EncodingType, enumType.NullValue.Int64Value) + ",");
        }

        w.Close();
    }

    public void EmitSet(CodeWriter w, SetType set)
    {
        w.Summary(set.Description ?? "SBE set " + set.Name + " (" + PrimitiveTypes.SchemaName(set.EncodingType) + " bit set).");
        w.Line("[global::System.Flags]");
        w.Open("public enum " + Naming.Pascal(set.Name) + " : " + PrimitiveCode.CsType(set.EncodingType));
        bool hasNone = false;
        foreach (SetChoice choice in set.Choices)
        {
            hasNone |= Naming.Pascal(choice.Name) == "None";
        }

        if (!hasNone)
        {
            w.Line("None = 0,");
        }

        foreach (SetChoice choice in set.Choices)
        {
            w.Summary(Describe(choice.Description, choice.SinceVersion, choice.Deprecated) ?? "Bit " + choice.BitIndex + ".");
            w.Line(Naming.Pascal(choice.Name) + " = " + PrimitiveCode.EnumLiteral(set.EncodingType, unchecked(1L << choice.BitIndex)) + ",");
        }

        w.Close();
    }

    public void EmitComposite(CodeWriter w, CompositeType composite)
    {
        EmitCompositeEncoder(w, composite);
        w.Line();
        EmitCompositeDecoder(w, composite);
    }

    private void EmitCompositeEncoder(CodeWriter w, CompositeType composite)
    {
        string name = Naming.Pascal(composite.Name) + "Encoder";
        w.Summary((composite.Description ?? "Composite " + composite.Name) + ": encoder flyweight, " + composite.EncodedLength + " bytes.");
        w.Open("public readonly ref struct " + name);
        w.Line("public const int EncodedLength = " + composite.EncodedLength + ";");
        w.Line();
        w.Line("private readonly ref byte _buffer;");
        w.Line("private readonly int _offset;");
        w.Line();
        w.Open("public " + name + "(global::System.Span<byte> buffer, int offset)");
        w.Open("if ((uint)offset > (uint)buffer.Length || buffer.Length - offset < EncodedLength)");
        w.Line(PrimitiveCode.Runtime + ".SbeThrowHelper.ThrowCapacityExceeded(offset + EncodedLength, buffer.Length);");
        w.Close();
        w.Line();
        w.Line("_buffer = ref SbeMemoryMarshal.GetReference(buffer);");
        w.Line("_offset = offset;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Unchecked: the caller guarantees <see cref=\"EncodedLength\"/> bytes at <paramref name=\"offset\"/>.</summary>");
        w.Open("public unsafe " + name + "(byte* buffer, int offset)");
        w.Line("_buffer = ref *buffer;");
        w.Line("_offset = offset;");
        w.Close();
        w.Line();
        w.Open("internal " + name + "(ref byte buffer, int offset)");
        w.Line("_buffer = ref buffer;");
        w.Line("_offset = offset;");
        w.Close();
        w.Line();
        w.Line("public int Offset => _offset;");
        w.Line();
        foreach (CompositeMember member in composite.Members)
        {
            _accessors.EmitEncoder(w, Slot.From(member));
        }

        w.Close();
    }

    private void EmitCompositeDecoder(CodeWriter w, CompositeType composite)
    {
        string name = Naming.Pascal(composite.Name) + "Decoder";
        w.Summary((composite.Description ?? "Composite " + composite.Name) + ": decoder flyweight, " + composite.EncodedLength + " bytes.");
        w.Open("public readonly ref struct " + name);
        w.Line("public const int EncodedLength = " + composite.EncodedLength + ";");
        w.Line();
        w.Line("private readonly ref byte _buffer;");
        w.Line("private readonly int _offset;");
        w.Line("private readonly int _actingVersion;");
        w.Line();
        w.Open("public " + name + "(global::System.ReadOnlySpan<byte> buffer, int offset, int actingVersion = " + _schema.Version + ")");
        w.Open("if ((uint)offset > (uint)buffer.Length || buffer.Length - offset < EncodedLength)");
        w.Line(PrimitiveCode.Runtime + ".SbeThrowHelper.ThrowPastEnd(offset, EncodedLength, buffer.Length);");
        w.Close();
        w.Line();
        w.Line("_buffer = ref SbeMemoryMarshal.GetReference(buffer);");
        w.Line("_offset = offset;");
        w.Line("_actingVersion = actingVersion;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Unchecked: the caller guarantees <see cref=\"EncodedLength\"/> bytes at <paramref name=\"offset\"/>.</summary>");
        w.Open("public unsafe " + name + "(byte* buffer, int offset, int actingVersion = " + _schema.Version + ")");
        w.Line("_buffer = ref *buffer;");
        w.Line("_offset = offset;");
        w.Line("_actingVersion = actingVersion;");
        w.Close();
        w.Line();
        w.Open("internal " + name + "(ref byte buffer, int offset, int actingVersion)");
        w.Line("_buffer = ref buffer;");
        w.Line("_offset = offset;");
        w.Line("_actingVersion = actingVersion;");
        w.Close();
        w.Line();
        w.Line("/// <summary>Every member at its null value: what a composite field newer than the sender reads.</summary>");
        w.Line("internal static global::System.ReadOnlySpan<byte> NullImage => " + AccessorEmitter.ByteArray(_accessors.NullImage(composite)) + ";");
        w.Line();
        w.Line("public int Offset => _offset;");
        w.Line();
        foreach (CompositeMember member in composite.Members)
        {
            _accessors.EmitDecoder(w, Slot.From(member));
        }

        w.Open("public void AppendTo(SbeStringBuilder builder)");
        w.Line("builder.Append('(');");
        bool first = true;
        foreach (CompositeMember member in composite.Members)
        {
            if (!first)
            {
                w.Line("builder.Append(\", \");");
            }

            first = false;
            _accessors.EmitAppend(w, Slot.From(member));
        }

        w.Line("builder.Append(')');");
        w.Close();
        w.Line();
        w.Open("public override string ToString()");
        w.Line("var builder = new SbeStringBuilder();");
        w.Line("AppendTo(builder);");
        w.Line("return builder.ToString();");
        w.Close();
        w.Close();
    }

    private static string? Describe(string? description, int sinceVersion, int? deprecated)
    {
        string? text = description;
        if (sinceVersion > 0)
        {
            text = (text == null ? string.Empty : text + " ") + "Since schema version " + sinceVersion + ".";
        }

        if (deprecated.HasValue)
        {
            text = (text == null ? string.Empty : text + " ") + "Deprecated since schema version " + deprecated.Value + ".";
        }

        return text;
    }
}
