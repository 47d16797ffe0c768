using Llt.Codecs.Schema;

namespace Llt.Shell.Commands;

/// <summary>The platform schema (schemas/llt.xml), embedded in the CLI at build time.</summary>
internal static class PlatformSchema
{
    public const string ResourceName = "llt.xml";

    public static MessageSchema Load()
    {
        using Stream stream = typeof(PlatformSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded schema {ResourceName} missing from the build");
        using var reader = new StreamReader(stream);
        return SchemaParser.Parse(reader, "schemas/llt.xml", includeResolver: null);
    }
}
