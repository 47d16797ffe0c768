using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Generator;

/// <summary>
/// Emits the accessors of fixed-position values (fields and composite members) into encoder and decoder flyweights.
/// Every flyweight has <c>_buffer</c> (ref byte) and <c>_offset</c>; decoders also have <c>_actingVersion</c>.
/// </summary>
internal sealed class AccessorEmitter
{
    private readonly ByteOrder _order;
    private readonly string _namespace;

    public AccessorEmitter(MessageSchema schema, string ns)
    {
        _order = schema.ByteOrder;
        _namespace = ns;
    }

    public ByteOrder Order => _order;

    public string TypeName(SchemaType type, bool encoder)
    {
        string name = "global::" + _namespace + "." + Naming.Pascal(type.Name);
        if (type is CompositeType)
        {
            return name + (encoder ? "Encoder" : "Decoder");
        }

        return name;
    }

    public void EmitDecoder(CodeWriter w, Slot slot)
    {
        Document(w, slot);
        switch (slot.Type)
        {
            case EncodedType encoded:
                EmitEncodedDecoder(w, slot, encoded);
                break;
            case EnumType enumType:
                string enumName = TypeName(enumType, false);
                if (slot.Presence == Presence.Constant)
                {
                    w.Line("public " + enumName + " " + slot.Property + " => " + enumName + "." + Naming.Pascal(slot.ConstantEnum!.Name) + ";");
                    break;
                }

                w.Line("public " + enumName + " " + slot.Property);
                w.Line("{");
                w.Line("    " + PrimitiveCode.Inline);
                w.Line("    get => " + Guard(slot, enumName + ".NullValue") + "(" + enumName + ")" + Read(enumType.EncodingType, slot.Offset) + ";");
                w.Line("}");
                break;
            case SetType setType:
                string setName = TypeName(setType, false);
                w.Line("public " + setName + " " + slot.Property);
                w.Line("{");
                w.Line("    " + PrimitiveCode.Inline);
                w.Line("    get => " + Guard(slot, "default") + "(" + setName + ")" + Read(setType.EncodingType, slot.Offset) + ";");
                w.Line("}");
                break;
            case CompositeType composite:
                string decoder = TypeName(composite, false);
                string present = "new " + decoder + "(ref _buffer, _offset + " + slot.Offset + ", _actingVersion)";
                if (slot.SinceVersion > 0)
                {
                    // A composite newer than the sender reads as its null image, never past the sender's block.
                    w.Line("public " + decoder + " " + slot.Property + " => _actingVersion < " + slot.SinceVersion
                        + " ? new " + decoder + "(ref SbeMemoryMarshal.GetReference(" + decoder + ".NullImage), 0, _actingVersion) : " + present + ";");
                }
                else
                {
                    w.Line("public " + decoder + " " + slot.Property + " => " + present + ";");
                }

                break;
        }

        w.Line();
    }

    public void EmitEncoder(CodeWriter w, Slot slot)
    {
        Document(w, slot);
        switch (slot.Type)
        {
            case EncodedType encoded:
                EmitEncodedEncoder(w, slot, encoded);
                break;
            case EnumType enumType:
                string enumName = TypeName(enumType, true);
                if (slot.Presence == Presence.Constant)
                {
                    w.Line("public " + enumName + " " + slot.Property + " => " + enumName + "." + Naming.Pascal(slot.ConstantEnum!.Name) + ";");
                    break;
                }

                w.Line("public " + enumName + " " + slot.Property);
                w.Line("{");
                w.Line("    " + PrimitiveCode.Inline);
                w.Line("    set => " + Write(enumType.EncodingType, slot.Offset, "(" + PrimitiveCode.CsType(enumType.EncodingType) + ")value") + ";");
                w.Line("}");
                EmitSetMethod(w, slot, enumName, Write(enumType.EncodingType, slot.Offset, "(" + PrimitiveCode.CsType(enumType.EncodingType) + ")value"));
                break;
            case SetType setType:
                w.Line("public " + TypeName(setType, true) + " " + slot.Property);
                w.Line("{");
                w.Line("    " + PrimitiveCode.Inline);
                w.Line("    set => " + Write(setType.EncodingType, slot.Offset, "(" + PrimitiveCode.CsType(setType.EncodingType) + ")value") + ";");
                w.Line("}");
                EmitSetMethod(w, slot, TypeName(setType, true), Write(setType.EncodingType, slot.Offset, "(" + PrimitiveCode.CsType(setType.EncodingType) + ")value"));
                break;
            case CompositeType composite:
                string encoder = TypeName(composite, true);
                w.Line("public " + encoder + " " + slot.Property + " => new " + encoder + "(ref _buffer, _offset + " + slot.Offset + ");");
                break;
        }

        w.Line();
    }

    /// <summary>Statements appending "name=value" for a decoder slot to <c>builder</c>.</summary>
    public void EmitAppend(CodeWriter w, Slot slot)
    {
        string prefix = "builder.Append(\"" + slot.Name + "=\");";
        w.Line(prefix);
        switch (slot.Type)
        {
            case EncodedType encoded:
                if (slot.Presence == Presence.Constant && slot.Constant != null && slot.Constant.IsBytes)
                {
                    w.Line("builder.Append('\\'').Append(" + slot.Property + "AsString).Append('\\'');");
                }
                else if (encoded.IsCharArray)
                {
                    w.Line("builder.Append('\\'').Append(" + slot.Property + "AsString).Append('\\'');");
                }
                else if (encoded.IsArray)
                {
                    w.Line("builder.Append('[');");
                    w.Open("for (int i = 0; i < " + slot.Property + "Length; i++)");
                    w.Line("builder.Append(i == 0 ? \"\" : \", \").Append(Get" + slot.Property + "(i));");
                    w.Close();
                    w.Line("builder.Append(']');");
                }
                else if (encoded.Primitive == PrimitiveType.Char)
                {
                    w.Line("builder.Append((char)" + slot.Property + ");");
                }
                else
                {
                    w.Line("builder.Append(" + slot.Property + ");");
                }

                break;
            case CompositeType _:
                w.Line(slot.Property + ".AppendTo(builder);");
                break;
            default:
                w.Line("builder.Append(" + slot.Property + ".ToString());");
                break;
        }
    }

    /// <summary>The wire image of a composite whose members all hold their null values.</summary>
    public byte[] NullImage(CompositeType composite)
    {
        var image = new byte[composite.EncodedLength];
        Fill(image, 0, composite);
        return image;
    }

    public static string ByteArray(IReadOnlyList<byte> bytes)
    {
        var text = new StringBuilder("new byte[] { ");
        for (int i = 0; i < bytes.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(bytes[i].ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(bytes.Count == 0 ? "}" : " }").ToString();
    }

    private void Fill(byte[] image, int at, CompositeType composite)
    {
        foreach (CompositeMember member in composite.Members)
        {
            int offset = at + member.Offset;
            switch (member.Type)
            {
                case EncodedType encoded when !encoded.IsConstant:
                    byte[] one = PrimitiveCode.Encode(_order, encoded.Primitive, encoded.NullValue);
                    for (int i = 0; i < encoded.Length; i++)
                    {
                        one.CopyTo(image, offset + (i * one.Length));
                    }

                    break;
                case EnumType enumType:
                    PrimitiveCode.Encode(_order, enumType.EncodingType, enumType.NullValue).CopyTo(image, offset);
                    break;
                case CompositeType nested:
                    Fill(image, offset, nested);
                    break;
            }
        }
    }

    private void EmitEncodedDecoder(CodeWriter w, Slot slot, EncodedType encoded)
    {
        string cs = PrimitiveCode.CsType(encoded.Primitive);
        if (slot.Presence == Presence.Constant)
        {
            EmitConstant(w, slot, encoded);
            return;
        }

        EmitLimits(w, slot, encoded);
        if (!encoded.IsArray)
        {
            w.Line("public " + cs + " " + slot.Property);
            w.Line("{");
            w.Line("    " + PrimitiveCode.Inline);
            w.Line("    get => " + Guard(slot, slot.Property + "NullValue") + Read(encoded.Primitive, slot.Offset) + ";");
            w.Line("}");
            return;
        }

        int size = encoded.ElementSize;
        string bytes = "SbeMemoryMarshal.CreateReadOnlySpan(" + PrimitiveCode.Address("_offset + " + slot.Offset) + ", " + (size * encoded.Length) + ")";
        w.Line();
        w.Line(PrimitiveCode.Inline);
        w.Open("public " + cs + " Get" + slot.Property + "(int index)");
        w.Open("if ((uint)index >= " + encoded.Length + ")");
        w.Line(PrimitiveCode.Runtime + ".SbeThrowHelper.ThrowIndexOutOfRange(index, " + encoded.Length + ");");
        w.Close();
        w.Line();
        w.Line("return " + Guard(slot, slot.Property + "NullValue") + PrimitiveCode.Read(_order, encoded.Primitive, PrimitiveCode.Address("_offset + " + slot.Offset + " + (index * " + size + ")")) + ";");
        w.Close();
        w.Line();
        if (encoded.IsCharArray)
        {
            w.Line("/// <summary>The raw bytes of " + slot.Name + ", NUL padding included.</summary>");
            w.Line("public global::System.ReadOnlySpan<byte> " + slot.Property + " => " + Guard(slot, "default") + bytes + ";");
            w.Line();
            w.Line("/// <summary>" + slot.Name + " decoded up to the first NUL (allocates).</summary>");
            w.Line("public string " + slot.Property + "AsString");
            w.Line("{");
            w.Line("    get");
            w.Line("    {");
            w.Line("        global::System.ReadOnlySpan<byte> value = " + slot.Property + ";");
            w.Line("        int end = global::System.MemoryExtensions.IndexOf(value, (byte)0);");
            w.Line("        return " + PrimitiveCode.EncodingExpression(encoded.CharacterEncoding) + ".GetString(end < 0 ? value : value.Slice(0, end));");
            w.Line("    }");
            w.Line("}");
        }
        else
        {
            w.Line("/// <summary>The raw wire bytes of " + slot.Name + " (schema byte order).</summary>");
            w.Line("public global::System.ReadOnlySpan<byte> " + slot.Property + "Bytes => " + Guard(slot, "default") + bytes + ";");
        }
    }

    private void EmitEncodedEncoder(CodeWriter w, Slot slot, EncodedType encoded)
    {
        string cs = PrimitiveCode.CsType(encoded.Primitive);
        if (slot.Presence == Presence.Constant)
        {
            EmitConstant(w, slot, encoded);
            return;
        }

        EmitLimits(w, slot, encoded);
        if (!encoded.IsArray)
        {
            w.Line("public " + cs + " " + slot.Property);
            w.Line("{");
            w.Line("    " + PrimitiveCode.Inline);
            w.Line("    set => " + Write(encoded.Primitive, slot.Offset, "value") + ";");
            w.Line("}");
            EmitSetMethod(w, slot, cs, Write(encoded.Primitive, slot.Offset, "value"));
            return;
        }

        int size = encoded.ElementSize;
        int total = size * encoded.Length;
        string bytes = "SbeMemoryMarshal.CreateSpan(" + PrimitiveCode.Address("_offset + " + slot.Offset) + ", " + total + ")";
        w.Line();
        w.Line(PrimitiveCode.Inline);
        w.Open("public void Set" + slot.Property + "(int index, " + cs + " value)");
        w.Open("if ((uint)index >= " + encoded.Length + ")");
        w.Line(PrimitiveCode.Runtime + ".SbeThrowHelper.ThrowIndexOutOfRange(index, " + encoded.Length + ");");
        w.Close();
        w.Line();
        w.Line(PrimitiveCode.Write(_order, encoded.Primitive, PrimitiveCode.Address("_offset + " + slot.Offset + " + (index * " + size + ")"), "value") + ";");
        w.Close();
        w.Line();
        if (encoded.IsCharArray)
        {
            w.Line("/// <summary>The bytes of " + slot.Name + ", writable in place.</summary>");
            w.Line("public global::System.Span<byte> " + slot.Property + " => " + bytes + ";");
            w.Line();
            w.Line("/// <summary>Copies <paramref name=\"value\"/> and NUL-pads the rest.</summary>");
            w.Open("public void Set" + slot.Property + "(global::System.ReadOnlySpan<byte> value)");
            w.Open("if (value.Length > " + total + ")");
            w.Line(PrimitiveCode.Runtime + ".SbeThrowHelper.ThrowValueTooLong(value.Length, " + total + ");");
            w.Close();
            w.Line();
            w.Line("global::System.Span<byte> target = " + bytes + ";");
            w.Line("value.CopyTo(target);");
            w.Line("target.Slice(value.Length).Clear();");
            w.Close();
            w.Line();
            w.Line("/// <summary>Encodes <paramref name=\"value\"/> (" + (encoded.CharacterEncoding ?? "US-ASCII") + ") and NUL-pads the rest; no allocation.</summary>");
            w.Open("public void Set" + slot.Property + "(string value)");
            w.Line("SbeEncoding encoding = " + PrimitiveCode.EncodingExpression(encoded.CharacterEncoding) + ";");
            w.Line("int length = encoding.GetByteCount(value);");
            w.Open("if (length > " + total + ")");
            w.Line(PrimitiveCode.Runtime + ".SbeThrowHelper.ThrowValueTooLong(length, " + total + ");");
            w.Close();
            w.Line();
            w.Line("global::System.Span<byte> target = " + bytes + ";");
            w.Line("int written = encoding.GetBytes(value, target);");
            w.Line("target.Slice(written).Clear();");
            w.Close();
        }
        else
        {
            w.Line("/// <summary>The raw wire bytes of " + slot.Name + " (schema byte order), writable in place.</summary>");
            w.Line("public global::System.Span<byte> " + slot.Property + "Bytes => " + bytes + ";");
        }
    }

    /// <summary>
    /// The method form of a setter: C# rejects property assignment on an rvalue struct (CS1612), so
    /// <c>encoder.Price.SetMantissa(5)</c> is how a composite member is written without a local.
    /// </summary>
    private static void EmitSetMethod(CodeWriter w, Slot slot, string type, string write)
    {
        w.Line();
        w.Line(PrimitiveCode.Inline);
        w.Line("public void Set" + slot.Property + "(" + type + " value) => " + write + ";");
    }

    private static void EmitConstant(CodeWriter w, Slot slot, EncodedType encoded)
    {
        PrimitiveValue value = slot.Constant!;
        if (value.IsBytes)
        {
            w.Line("public global::System.ReadOnlySpan<byte> " + slot.Property + " => " + ByteArray(value.Bytes) + ";");
            w.Line();
            w.Line("public string " + slot.Property + "AsString => " + Naming.Quote(value.Literal) + ";");
            return;
        }

        w.Line("public " + PrimitiveCode.CsType(encoded.Primitive) + " " + slot.Property + " => " + PrimitiveCode.Literal(encoded.Primitive, value) + ";");
    }

    private static void EmitLimits(CodeWriter w, Slot slot, EncodedType encoded)
    {
        string cs = PrimitiveCode.CsType(encoded.Primitive);
        w.Line("public const " + cs + " " + slot.Property + "NullValue = " + PrimitiveCode.Literal(encoded.Primitive, encoded.NullValue) + ";");
        w.Line("public const " + cs + " " + slot.Property + "MinValue = " + PrimitiveCode.Literal(encoded.Primitive, encoded.MinValue) + ";");
        w.Line("public const " + cs + " " + slot.Property + "MaxValue = " + PrimitiveCode.Literal(encoded.Primitive, encoded.MaxValue) + ";");
        if (encoded.IsArray)
        {
            w.Line("public const int " + slot.Property + "Length = " + encoded.Length + ";");
        }

        w.Line();
    }

    private static void Document(CodeWriter w, Slot slot)
    {
        var summary = new StringBuilder(slot.Description ?? slot.Name);
        if (slot.Presence == Presence.Optional)
        {
            summary.Append(" (optional: the null value means absent)");
        }

        if (slot.SinceVersion > 0)
        {
            summary.Append(" Since schema version " + slot.SinceVersion + ".");
        }

        if (slot.Deprecated.HasValue)
        {
            summary.Append(" Deprecated since schema version " + slot.Deprecated.Value + ".");
        }

        w.Summary(summary.ToString());
    }

    private static string Guard(Slot slot, string absent)
    {
        return slot.SinceVersion > 0 ? "_actingVersion < " + slot.SinceVersion + " ? " + absent + " : " : string.Empty;
    }

    private string Read(PrimitiveType type, int offset)
    {
        return PrimitiveCode.Read(_order, type, PrimitiveCode.Address("_offset + " + offset));
    }

    private string Write(PrimitiveType type, int offset, string value)
    {
        return PrimitiveCode.Write(_order, type, PrimitiveCode.Address("_offset + " + offset), value);
    }
}
