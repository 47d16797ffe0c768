namespace Llt.Codecs.Otf;

/// <summary>Names used in the JSON form of a message, shared by <see cref="OtfDecoder"/> and <see cref="OtfEncoder"/>.</summary>
public static class OtfJson
{
    /// <summary>The property holding the message header: message, templateId, schemaId, version, blockLength.</summary>
    public const string HeaderProperty = "$header";

    public const string MessageProperty = "message";

    public const string TemplateIdProperty = "templateId";

    public const string SchemaIdProperty = "schemaId";

    public const string VersionProperty = "version";

    public const string BlockLengthProperty = "blockLength";

    /// <summary>JSON has no NaN or infinities; float and double fields spell them as these strings.</summary>
    public const string NaN = "NaN";

    public const string PositiveInfinity = "Infinity";

    public const string NegativeInfinity = "-Infinity";

    /// <summary>The JSON path of the message root, the prefix of every path in an <see cref="OtfEncodeException"/>.</summary>
    public const string RootPath = "$";
}
