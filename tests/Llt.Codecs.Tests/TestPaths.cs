namespace Llt.Codecs.Tests;

/// <summary>Schema files copied next to the test assembly (see the csproj).</summary>
internal static class TestPaths
{
    public static string TestSchema(string name) => Path.Combine(AppContext.BaseDirectory, "Schemas", name);

    public static string PlatformSchema(string name) => Path.Combine(AppContext.BaseDirectory, "PlatformSchemas", name);
}
