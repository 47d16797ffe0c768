namespace Llt.Codecs.Tests.Schema;

/// <summary>
/// Broken schemas, one problem each. The offending element carries the (ignored) attribute <c>mark="here"</c> so
/// tests can compute the line the error must point at.
/// </summary>
internal static class InvalidSchemas
{
    private const string Header =
        "<composite name=\"messageHeader\"><type name=\"blockLength\" primitiveType=\"uint16\"/><type name=\"templateId\" primitiveType=\"uint16\"/>" +
        "<type name=\"schemaId\" primitiveType=\"uint16\"/><type name=\"version\" primitiveType=\"uint16\"/></composite>\n" +
        "<composite name=\"groupSizeEncoding\"><type name=\"blockLength\" primitiveType=\"uint16\"/><type name=\"numInGroup\" primitiveType=\"uint16\"/></composite>\n" +
        "<composite name=\"varData\"><type name=\"length\" primitiveType=\"uint8\"/><type name=\"varData\" primitiveType=\"uint8\" length=\"0\"/></composite>\n" +
        "<enum name=\"Side\" encodingType=\"char\"><validValue name=\"Buy\">1</validValue></enum>\n";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown type", Message("<field name=\"a\" id=\"1\" type=\"nope\" mark=\"here\"/>"), "unknown type 'nope'" },
        { "duplicate field", Message("<field name=\"a\" id=\"1\" type=\"int8\"/>\n<field name=\"a\" id=\"2\" type=\"int8\" mark=\"here\"/>"), "duplicate name 'a'" },
        { "duplicate type", Wrap("<type name=\"Side\" primitiveType=\"int8\" mark=\"here\"/>", string.Empty), "duplicate type name 'Side'" },
        { "duplicate message id", Wrap(string.Empty, "<sbe:message name=\"A\" id=\"1\"/>\n<sbe:message name=\"B\" id=\"1\" mark=\"here\"/>"), "duplicate message id 1" },
        { "offset overlap", Message("<field name=\"a\" id=\"1\" type=\"int64\"/>\n<field name=\"b\" id=\"2\" type=\"int8\" offset=\"4\" mark=\"here\"/>"), "offset overlap" },
        { "composite overlap", Wrap("<composite name=\"c\"><type name=\"a\" primitiveType=\"int32\"/>\n<type name=\"b\" primitiveType=\"int8\" offset=\"2\" mark=\"here\"/></composite>", string.Empty), "offset overlap" },
        { "bad constant", Wrap("<type name=\"k\" primitiveType=\"int8\" presence=\"constant\" mark=\"here\">300</type>", string.Empty), "bad constant" },
        { "empty constant", Wrap("<type name=\"k\" primitiveType=\"int8\" presence=\"constant\" mark=\"here\"></type>", string.Empty), "has no value" },
        { "constant field without value", Message("<field name=\"a\" id=\"1\" type=\"int8\" presence=\"constant\" mark=\"here\"/>"), "bad constant" },
        { "unknown valueRef enum", Message("<field name=\"a\" id=\"1\" type=\"Side\" presence=\"constant\" valueRef=\"Nope.Buy\" mark=\"here\"/>"), "unknown valueRef 'Nope.Buy'" },
        { "unknown valueRef value", Message("<field name=\"a\" id=\"1\" type=\"Side\" presence=\"constant\" valueRef=\"Side.Sell\" mark=\"here\"/>"), "unknown valueRef 'Side.Sell'" },
        { "field after group", Message("<group name=\"g\" id=\"1\"><field name=\"x\" id=\"2\" type=\"int8\"/></group>\n<field name=\"b\" id=\"3\" type=\"int8\" mark=\"here\"/>"), "fixed field 'b' after group 'g'" },
        { "field after data", Message("<data name=\"d\" id=\"1\" type=\"varData\"/>\n<field name=\"b\" id=\"3\" type=\"int8\" mark=\"here\"/>"), "fixed field 'b' after data 'd'" },
        { "group after data", Message("<data name=\"d\" id=\"1\" type=\"varData\"/>\n<group name=\"g\" id=\"2\" mark=\"here\"><field name=\"x\" id=\"3\" type=\"int8\"/></group>"), "group 'g' after data 'd'" },
        { "sinceVersion too new", Message("<field name=\"a\" id=\"1\" type=\"int8\" sinceVersion=\"5\" mark=\"here\"/>"), "sinceVersion 5 of 'a' is greater than schema version 2" },
        { "blockLength too small", Wrap(string.Empty, "<sbe:message name=\"M\" id=\"1\" blockLength=\"2\" mark=\"here\">\n<field name=\"a\" id=\"1\" type=\"int32\"/></sbe:message>"), "blockLength 2 of message 'M' is less than its fields' length 4" },
        { "bad enum value", Wrap("<enum name=\"E\" encodingType=\"uint8\"><validValue name=\"A\" mark=\"here\">300</validValue></enum>", string.Empty), "invalid value '300'" },
        { "set bit out of range", Wrap("<set name=\"S\" encodingType=\"uint8\"><choice name=\"A\" mark=\"here\">8</choice></set>", string.Empty), "outside 0..7" },
        { "bad dimension", Wrap("<composite name=\"dim\"><type name=\"blockLength\" primitiveType=\"uint16\"/></composite>", "<sbe:message name=\"M\" id=\"1\">\n<group name=\"g\" id=\"1\" dimensionType=\"dim\" mark=\"here\"/></sbe:message>"), "has no 'numInGroup' member" },
        { "bad var data type", Message("<data name=\"d\" id=\"1\" type=\"groupSizeEncoding\" mark=\"here\"/>"), "has no 'length' member" },
        { "unknown primitive", Wrap("<type name=\"t\" primitiveType=\"int128\" mark=\"here\"/>", string.Empty), "unknown primitiveType 'int128'" },
        { "missing include", Wrap(string.Empty, "<xi:include href=\"missing.xml\" mark=\"here\"/>"), "cannot find included file 'missing.xml'" },
        { "circular type", Wrap("<composite name=\"a\" mark=\"here\"><ref name=\"b\" type=\"a\"/></composite>", string.Empty), "circular type reference" },
        { "bad byteOrder", "<?xml version=\"1.0\"?>\n<messageSchema package=\"p\" id=\"1\" byteOrder=\"middleEndian\" mark=\"here\"/>", "byteOrder 'middleEndian'" },
        { "missing package", "<?xml version=\"1.0\"?>\n<messageSchema id=\"1\" mark=\"here\"/>", "missing attribute 'package'" },
        { "unknown header", "<?xml version=\"1.0\"?>\n<messageSchema package=\"p\" id=\"1\" headerType=\"hdr\" mark=\"here\"/>", "unknown header type 'hdr'" },
        { "malformed xml", "<?xml version=\"1.0\"?>\n<messageSchema package=\"p\" id=\"1\">\n<types>\n</typos mark=\"here\">\n</messageSchema>", "malformed XML" },
    };

    public static string Message(string body)
    {
        return Wrap(string.Empty, "<sbe:message name=\"M\" id=\"1\">\n" + body + "\n</sbe:message>");
    }

    public static string Wrap(string types, string messages)
    {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<sbe:messageSchema xmlns:sbe=\"http://fixprotocol.io/2016/sbe\" xmlns:xi=\"http://www.w3.org/2001/XInclude\" package=\"bad\" id=\"9\" version=\"2\">\n" +
            "<types>\n" + Header + types + "\n</types>\n" + messages + "\n</sbe:messageSchema>\n";
    }

    /// <summary>1-based line of the element marked mark="here".</summary>
    public static int MarkedLine(string xml)
    {
        string[] lines = xml.Split('\n');
        return Array.FindIndex(lines, line => line.Contains("mark=\"here\"", StringComparison.Ordinal)) + 1;
    }
}
