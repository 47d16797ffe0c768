using System.Text;
using Llt.Codecs.Schema;

namespace Llt.Codecs.Tests.Otf;

/// <summary>
/// Inline schemas for the OTF tests (inline, not in Schemas/, so the code generator never sees them). One "Order"
/// message uses every feature the OTF codec handles; version 2 adds a block field, a group entry field and a var data
/// member to "Order" and a group to "Batch", so the same builder yields both sides of a schema evolution.
/// </summary>
internal static class OtfTestSchemas
{
    public const int SchemaId = 7;

    public static readonly MessageSchema V2 = Build(2, bigEndian: false);
    public static readonly MessageSchema V1 = Build(1, bigEndian: false);
    public static readonly MessageSchema V2BigEndian = Build(2, bigEndian: true);

    public static MessageSchema Build(int version, bool bigEndian)
    {
        return SchemaParser.Parse(Xml(version, bigEndian), "otf-test-v" + version + ".xml");
    }

    public static string Xml(int version, bool bigEndian)
    {
        bool v2 = version >= 2;
        var xml = new StringBuilder();
        xml.Append(@"<?xml version=""1.0"" encoding=""UTF-8""?>
<sbe:messageSchema xmlns:sbe=""http://fixprotocol.io/2016/sbe"" package=""otf.test"" id=""7"" version=""").Append(version)
            .Append(@""" byteOrder=""").Append(bigEndian ? "bigEndian" : "littleEndian").Append(@""">
  <types>
    <composite name=""messageHeader"">
      <type name=""blockLength"" primitiveType=""uint16""/>
      <type name=""templateId"" primitiveType=""uint16""/>
      <type name=""schemaId"" primitiveType=""uint16""/>
      <type name=""version"" primitiveType=""uint16""/>
    </composite>
    <composite name=""groupSizeEncoding"">
      <type name=""blockLength"" primitiveType=""uint16""/>
      <type name=""numInGroup"" primitiveType=""uint16""/>
    </composite>
    <composite name=""smallGroupSize"">
      <type name=""blockLength"" primitiveType=""uint8""/>
      <type name=""numInGroup"" primitiveType=""uint8"" maxValue=""20""/>
    </composite>
    <composite name=""varStringEncoding"">
      <type name=""length"" primitiveType=""uint16"" maxValue=""100""/>
      <type name=""varData"" primitiveType=""uint8"" length=""0"" characterEncoding=""UTF-8""/>
    </composite>
    <composite name=""varAsciiEncoding"">
      <type name=""length"" primitiveType=""uint8""/>
      <type name=""varData"" primitiveType=""char"" length=""0""/>
    </composite>
    <composite name=""rawEncoding"">
      <type name=""length"" primitiveType=""uint32""/>
      <type name=""varData"" primitiveType=""uint8"" length=""0""/>
    </composite>
    <composite name=""Decimal"">
      <type name=""mantissa"" primitiveType=""int64""/>
      <type name=""exponent"" primitiveType=""int8"" presence=""constant"">-4</type>
    </composite>
    <composite name=""Box"">
      <type name=""width"" primitiveType=""uint16""/>
      <type name=""depth"" primitiveType=""int32"" presence=""optional""/>
      <composite name=""Corner"">
        <type name=""x"" primitiveType=""int8""/>
        <enum name=""Shade"" encodingType=""uint8"">
          <validValue name=""Light"">1</validValue>
          <validValue name=""Dark"">2</validValue>
        </enum>
      </composite>
    </composite>
    <type name=""Symbol"" primitiveType=""char"" length=""8""/>
    <type name=""Venue"" primitiveType=""char"" length=""4"" presence=""constant"">XNAS</type>
    <type name=""Triple"" primitiveType=""int16"" length=""3""/>
    <enum name=""Side"" encodingType=""char"">
      <validValue name=""Buy"">B</validValue>
      <validValue name=""Sell"">S</validValue>
    </enum>
    <enum name=""Color"" encodingType=""uint8"">
      <validValue name=""Red"">0</validValue>
      <validValue name=""Green"">1</validValue>
      <validValue name=""Blue"">2</validValue>
    </enum>
    <set name=""Flags"" encodingType=""uint16"">
      <choice name=""Urgent"">0</choice>
      <choice name=""Hidden"">3</choice>
      <choice name=""Last"">15</choice>
    </set>
  </types>
  <sbe:message name=""Order"" id=""1"">
    <field name=""orderId"" id=""1"" type=""uint64""/>
    <field name=""price"" id=""2"" type=""Decimal""/>
    <field name=""side"" id=""3"" type=""Side""/>
    <field name=""color"" id=""4"" type=""Color"" presence=""optional""/>
    <field name=""flags"" id=""5"" type=""Flags""/>
    <field name=""symbol"" id=""6"" type=""Symbol""/>
    <field name=""qty"" id=""7"" type=""int32"" presence=""optional""/>
    <field name=""ratio"" id=""8"" type=""float""/>
    <field name=""weight"" id=""9"" type=""double"" presence=""optional""/>
    <field name=""venue"" id=""10"" type=""Venue""/>
    <field name=""kind"" id=""11"" type=""Color"" presence=""constant"" valueRef=""Color.Blue""/>
    <field name=""tiny"" id=""12"" type=""int8""/>
    <field name=""triple"" id=""13"" type=""Triple""/>
    <field name=""box"" id=""14"" type=""Box""/>
    <field name=""initial"" id=""15"" type=""char"" presence=""optional""/>
");
        if (v2)
        {
            xml.Append(@"    <field name=""added"" id=""16"" type=""int64"" sinceVersion=""2""/>
");
        }

        xml.Append(@"    <group name=""legs"" id=""20"">
      <field name=""legId"" id=""21"" type=""uint32""/>
      <field name=""legSide"" id=""22"" type=""Side""/>
");
        if (v2)
        {
            xml.Append(@"      <field name=""legFee"" id=""23"" type=""int32"" sinceVersion=""2""/>
");
        }

        xml.Append(@"      <group name=""fills"" id=""24"" dimensionType=""smallGroupSize"">
        <field name=""fillQty"" id=""25"" type=""int32""/>
        <data name=""note"" id=""26"" type=""varAsciiEncoding""/>
      </group>
      <data name=""memo"" id=""27"" type=""varStringEncoding""/>
    </group>
");
        xml.Append(@"    <data name=""text"" id=""40"" type=""varStringEncoding""/>
    <data name=""blob"" id=""41"" type=""rawEncoding""/>
");
        if (v2)
        {
            xml.Append(@"    <data name=""tail"" id=""42"" type=""varAsciiEncoding"" sinceVersion=""2""/>
");
        }

        xml.Append(@"  </sbe:message>
  <sbe:message name=""Ping"" id=""2"">
    <field name=""seq"" id=""1"" type=""uint64""/>
  </sbe:message>
  <sbe:message name=""Batch"" id=""3"">
    <field name=""batchId"" id=""1"" type=""uint32""/>
    <group name=""items"" id=""2"">
      <field name=""value"" id=""3"" type=""int32""/>
    </group>
");
        if (v2)
        {
            // A group may be added in a later version only where no var data follows it: old decoders stop before it.
            xml.Append(@"    <group name=""extras"" id=""4"" sinceVersion=""2"">
      <field name=""code"" id=""5"" type=""int16""/>
    </group>
");
        }

        xml.Append(@"  </sbe:message>
</sbe:messageSchema>
");
        return xml.ToString();
    }

    /// <summary>An Order using every feature, as the v2 decoder prints it (the canonical JSON form).</summary>
    public const string OrderV2Json =
        "{\"$header\":{\"message\":\"Order\",\"templateId\":1,\"schemaId\":7,\"version\":2,\"blockLength\":68},"
        + "\"orderId\":18446744073709551614,\"price\":{\"mantissa\":-12345678,\"exponent\":-4},\"side\":\"Sell\","
        + "\"color\":\"Green\",\"flags\":[\"Urgent\",\"Last\"],\"symbol\":\"MSFT\",\"qty\":null,\"ratio\":0.1,"
        + "\"weight\":null,\"venue\":\"XNAS\",\"kind\":\"Blue\",\"tiny\":-128,\"triple\":[1,-2,32767],"
        + "\"box\":{\"width\":640,\"depth\":null,\"Corner\":{\"x\":-3,\"Shade\":\"Dark\"}},\"initial\":\"Q\",\"added\":-99,"
        + "\"legs\":[{\"legId\":1,\"legSide\":\"Buy\",\"legFee\":-5,\"fills\":[{\"fillQty\":10,\"note\":\"a\"},{\"fillQty\":20,\"note\":\"\"}],\"memo\":\"über\"},"
        + "{\"legId\":2,\"legSide\":\"Sell\",\"legFee\":0,\"fills\":[],\"memo\":\"\"}],"
        + "\"text\":\"hello ✓\",\"blob\":\"AAEC/w==\",\"tail\":\"end\"}";

    /// <summary>The same Order as the v1 decoder prints it (v2-only members absent).</summary>
    public const string OrderV1Json =
        "{\"$header\":{\"message\":\"Order\",\"templateId\":1,\"schemaId\":7,\"version\":1,\"blockLength\":60},"
        + "\"orderId\":18446744073709551614,\"price\":{\"mantissa\":-12345678,\"exponent\":-4},\"side\":\"Sell\","
        + "\"color\":\"Green\",\"flags\":[\"Urgent\",\"Last\"],\"symbol\":\"MSFT\",\"qty\":null,\"ratio\":0.1,"
        + "\"weight\":null,\"venue\":\"XNAS\",\"kind\":\"Blue\",\"tiny\":-128,\"triple\":[1,-2,32767],"
        + "\"box\":{\"width\":640,\"depth\":null,\"Corner\":{\"x\":-3,\"Shade\":\"Dark\"}},\"initial\":\"Q\","
        + "\"legs\":[{\"legId\":1,\"legSide\":\"Buy\",\"fills\":[{\"fillQty\":10,\"note\":\"a\"},{\"fillQty\":20,\"note\":\"\"}],\"memo\":\"über\"},"
        + "{\"legId\":2,\"legSide\":\"Sell\",\"fills\":[],\"memo\":\"\"}],"
        + "\"text\":\"hello ✓\",\"blob\":\"AAEC/w==\"}";
}
