using Llt.Codecs.Schema;

namespace Llt.Codecs.Tests.Schema;

public sealed class SchemaParserTests
{
    [Fact]
    public void ParseFile_FeaturesSchema_ResolvesIncludeAttributesAndHeader()
    {
        MessageSchema schema = SchemaParser.ParseFile(TestPaths.TestSchema("features.xml"));

        Assert.Equal("llt.tests.features", schema.Package);
        Assert.Equal(100, schema.Id);
        Assert.Equal(0, schema.Version);
        Assert.Equal("1.0", schema.SemanticVersion);
        Assert.Equal(ByteOrder.LittleEndian, schema.ByteOrder);
        Assert.Equal("Feature coverage schema", schema.Description);
        Assert.Equal("messageHeader", schema.HeaderType.Name);
        Assert.Equal(8, schema.HeaderType.EncodedLength);
        Assert.EndsWith("common-types.xml", schema.HeaderType.Source.FileName, StringComparison.Ordinal);
        Assert.Equal(new[] { 1, 2, 3, 4 }, schema.Messages.Select(m => m.Id));
    }

    [Fact]
    public void ParseFile_Everything_ComputesOffsetsSizesAndBlockLength()
    {
        Message message = SchemaParser.ParseFile(TestPaths.TestSchema("features.xml")).FindMessage("Everything")!;
        var expected = new (string Name, int Offset, int Size)[]
        {
            ("c", 0, 1), ("i8", 1, 1), ("i16", 2, 2), ("i32", 4, 4), ("i64", 8, 8), ("u8", 16, 1), ("u16", 17, 2),
            ("u32", 19, 4), ("u64", 23, 8), ("f32", 31, 4), ("f64", 35, 8), ("optCount", 43, 4), ("optI64", 47, 8),
            ("symbol", 55, 8), ("latin", 63, 6), ("ints", 69, 16), ("venue", 85, 0), ("magic", 85, 0), ("buy", 85, 0),
            ("constSide", 85, 0), ("side", 85, 1), ("colour", 86, 1), ("wide", 87, 2), ("flags8", 89, 1),
            ("flags16", 90, 2), ("flags32", 92, 4), ("flags64", 96, 8), ("price", 104, 9), ("padded", 113, 21), ("old", 134, 4),
        };

        Assert.Equal(expected, message.Fields.Select(f => (f.Name, f.Offset, f.Size)).ToArray());
        Assert.Equal(138, message.BlockLength);
        Assert.Equal("X", message.SemanticType);
        Assert.Equal(0, message.Fields.Single(f => f.Name == "old").Deprecated);
    }

    [Fact]
    public void ParseFile_Everything_ResolvesPresenceConstantsAndNullValues()
    {
        MessageSchema schema = SchemaParser.ParseFile(TestPaths.TestSchema("features.xml"));
        Message message = schema.FindMessage(1)!;
        Field Get(string name) => message.Fields.Single(f => f.Name == name);

        Assert.Equal(Presence.Optional, Get("optCount").Presence);
        Assert.Equal(-1, Get("optCount").EncodedType!.NullValue.Int64Value);
        Assert.Equal(1000, Get("optCount").EncodedType!.MaxValue.Int64Value);
        Assert.Equal(Presence.Optional, Get("optI64").Presence);
        Assert.Equal(long.MinValue, Get("optI64").EncodedType!.NullValue.Int64Value);
        Assert.Equal(Presence.Constant, Get("venue").Presence);
        Assert.Equal("XNAS"u8.ToArray(), Get("venue").ConstantValue!.Bytes);
        Assert.Equal(4242, Get("magic").ConstantValue!.Int64Value);
        Assert.Equal("Side.Buy", Get("buy").ValueRef);
        Assert.Equal('1', Get("buy").ConstantValue!.Int64Value);
        Assert.Equal("Sell", Get("constSide").ValueRefValue!.Name);
        Assert.Equal("ISO-8859-1", Get("latin").EncodedType!.CharacterEncoding);
        Assert.Equal("US-ASCII", Get("symbol").EncodedType!.CharacterEncoding);

        var wide = (EnumType)schema.FindType("Wide")!;
        Assert.Equal(PrimitiveType.UInt16, wide.EncodingType);
        Assert.Equal("u16", wide.EncodingTypeRef!.Name);
        Assert.Equal(ushort.MaxValue, wide.NullValue.Int64Value);
        Assert.Equal(0, ((EnumType)schema.FindType("Colour")!).NullValue.Int64Value);
        Assert.Equal(63, ((SetType)schema.FindType("Flags64")!).Choices.Single(c => c.Name == "High").BitIndex);
    }

    [Fact]
    public void ParseFile_Composite_HonoursOffsetsRefsAndInlineTypes()
    {
        MessageSchema schema = SchemaParser.ParseFile(TestPaths.TestSchema("features.xml"));
        var padded = (CompositeType)schema.FindType("padded")!;

        Assert.Equal(new[] { ("a", 0), ("b", 4), ("price", 8), ("inner", 17), ("Mood", 20) }, padded.Members.Select(m => (m.Name, m.Offset)).ToArray());
        Assert.Equal(21, padded.EncodedLength);
        Assert.True(padded.FindMember("price")!.IsRef);
        Assert.Same(schema.FindType("decimal64"), padded.FindMember("price")!.Type);
        Assert.IsType<CompositeType>(schema.FindType("inner"));
        Assert.IsType<EnumType>(schema.FindType("Mood"));
    }

    [Fact]
    public void ParseFile_OffsetsAndGroups_ComputeBlockLengthsAndDimensions()
    {
        MessageSchema schema = SchemaParser.ParseFile(TestPaths.TestSchema("features.xml"));
        Message offsets = schema.FindMessage("Offsets")!;
        Message nested = schema.FindMessage("Nested")!;

        Assert.Equal(64, offsets.BlockLength);
        Assert.Equal(24, offsets.ComputedBlockLength);
        Assert.Equal(new[] { 0, 8, 20 }, offsets.Fields.Select(f => f.Offset));
        Group outer = nested.Groups[0];
        Assert.Equal("smallGroupSize", outer.DimensionType.Name);
        Assert.Equal(4, outer.BlockLength);
        Assert.Equal(254, outer.MaxCount);
        Group inner = outer.Groups[0].Groups[0];
        Assert.Equal("wideGroupSize", inner.DimensionType.Name);
        Assert.Equal(100000, inner.MaxCount);
        Assert.Equal(new[] { 1, 2, 4 }, nested.Data.Select(d => d.LengthSize));
        Assert.Equal(new string?[] { null, "US-ASCII", "UTF-8" }, nested.Data.Select(d => d.CharacterEncoding));
    }

    [Fact]
    public void ParseFile_EvolutionSchema_KeepsSinceVersionAndRequiredBlockLengths()
    {
        MessageSchema schema = SchemaParser.ParseFile(TestPaths.TestSchema("evolution-v2.xml"));
        Message order = schema.FindMessage("Order")!;

        Assert.Equal(30, order.BlockLength);
        Assert.Equal(12, order.RequiredBlockLength(0));
        Assert.Equal(30, order.RequiredBlockLength(1));
        Assert.Equal(1, order.Data[1].SinceVersion);
        Assert.Equal(1, schema.FindMessage("Basket")!.Groups[0].SinceVersion);
    }

    [Theory]
    [InlineData(PrimitiveType.Char, 0L, 0x20L, 0x7EL)]
    [InlineData(PrimitiveType.Int8, -128L, -127L, 127L)]
    [InlineData(PrimitiveType.Int16, -32768L, -32767L, 32767L)]
    [InlineData(PrimitiveType.Int32, -2147483648L, -2147483647L, 2147483647L)]
    [InlineData(PrimitiveType.Int64, long.MinValue, long.MinValue + 1, long.MaxValue)]
    [InlineData(PrimitiveType.UInt8, 255L, 0L, 254L)]
    [InlineData(PrimitiveType.UInt16, 65535L, 0L, 65534L)]
    [InlineData(PrimitiveType.UInt32, 4294967295L, 0L, 4294967294L)]
    [InlineData(PrimitiveType.UInt64, -1L, 0L, -2L)]
    public void PrimitiveTypes_IntegralDefaults_MatchTheSpec(PrimitiveType type, long nullValue, long minValue, long maxValue)
    {
        Assert.Equal(nullValue, PrimitiveTypes.DefaultNullValue(type).Int64Value);
        Assert.Equal(minValue, PrimitiveTypes.DefaultMinValue(type).Int64Value);
        Assert.Equal(maxValue, PrimitiveTypes.DefaultMaxValue(type).Int64Value);
    }

    [Fact]
    public void PrimitiveTypes_FloatDefaults_AreNaNAndFullRange()
    {
        Assert.True(double.IsNaN(PrimitiveTypes.DefaultNullValue(PrimitiveType.Float).DoubleValue));
        Assert.True(double.IsNaN(PrimitiveTypes.DefaultNullValue(PrimitiveType.Double).DoubleValue));
        Assert.Equal(-float.MaxValue, PrimitiveTypes.DefaultMinValue(PrimitiveType.Float).DoubleValue);
        Assert.Equal(double.MaxValue, PrimitiveTypes.DefaultMaxValue(PrimitiveType.Double).DoubleValue);
    }

    [Fact]
    public void Parse_IncludeWithError_ReportsTheIncludedFileAndLine()
    {
        string schema = InvalidSchemas.Wrap(string.Empty, "<xi:include href=\"sub/bad-types.xml\"/>");
        string included = "<types>\n  <type name=\"t\" primitiveType=\"int128\"/>\n</types>";

        SchemaException ex = Assert.Throws<SchemaException>(() => SchemaParser.Parse(schema, "/s/main.xml", path => path == "/s/sub/bad-types.xml" ? included : null));

        Assert.Equal("/s/sub/bad-types.xml", ex.FileName);
        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("unknown primitiveType 'int128'", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidSchemas.Cases), MemberType = typeof(InvalidSchemas))]
    public void Parse_InvalidSchema_ThrowsWithFileLineAndProblem(string name, string xml, string problem)
    {
        SchemaException ex = Assert.Throws<SchemaException>(() => SchemaParser.Parse(xml, "bad.xml", _ => null));

        Assert.Equal("bad.xml", ex.FileName);
        Assert.True(InvalidSchemas.MarkedLine(xml) == ex.LineNumber, name + ": expected line " + InvalidSchemas.MarkedLine(xml) + ", got " + ex.Message);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b/c.xml", "d.xml", "a/b/d.xml")]
    [InlineData("/x/y/schema.xml", "../common/types.xml", "/x/common/types.xml")]
    [InlineData("C:\\s\\main.xml", "./inc/t.xml", "C:/s/inc/t.xml")]
    [InlineData("main.xml", "t.xml", "t.xml")]
    public void ResolveIncludePath_IsRelativeToTheIncludingFile(string including, string href, string expected)
    {
        Assert.Equal(expected, SchemaParser.ResolveIncludePath(including, href));
    }
}
