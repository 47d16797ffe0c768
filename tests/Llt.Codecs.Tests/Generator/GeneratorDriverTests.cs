extern alias generator;

using System.Collections.Immutable;
using Llt.Codecs.Tests.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SbeGenerator = generator::Llt.Codecs.Generator.SbeGenerator;

namespace Llt.Codecs.Tests.Generator;

/// <summary>Runs the generator in-process with CSharpGeneratorDriver: diagnostics and compilability of its output.</summary>
public sealed class GeneratorDriverTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Llt.Codecs.Runtime.SbeError).Assembly.Location))
            .ToImmutableArray();
    });

    [Fact]
    public void TestSchemas_GenerateCodeThatCompilesWithoutWarnings()
    {
        string[] files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.xml");

        (ImmutableArray<Diagnostic> generatorDiagnostics, Compilation output, int generated) = Run(files.Select(f => (f, File.ReadAllText(f))).ToArray());

        Assert.Empty(generatorDiagnostics);
        Assert.True(generated > 40, "generated " + generated + " files");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void PlatformSchema_GeneratesCodeThatCompilesWithoutWarnings()
    {
        string path = TestPaths.PlatformSchema("llt.xml");

        (ImmutableArray<Diagnostic> generatorDiagnostics, Compilation output, int generated) = Run((path, File.ReadAllText(path)));

        Assert.Empty(generatorDiagnostics);
        Assert.True(generated > 0);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [MemberData(nameof(InvalidSchemas.Cases), MemberType = typeof(InvalidSchemas))]
    public void InvalidSchema_FailsTheBuildWithADiagnosticAtTheFileAndLine(string name, string xml, string problem)
    {
        (ImmutableArray<Diagnostic> diagnostics, _, int generated) = Run(("/repo/schemas/bad.xml", xml));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SBE001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/schemas/bad.xml", span.Path);
        Assert.True(InvalidSchemas.MarkedLine(xml) == span.StartLinePosition.Line + 1, name + ": " + diagnostic);
        Assert.Contains(problem, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(0, generated);
    }

    [Fact]
    public void ErrorInAnIncludedFile_IsLocatedInTheIncludedFile()
    {
        string main = InvalidSchemas.Wrap(string.Empty, "<xi:include href=\"types/extra.xml\"/>");
        string extra = "<?xml version=\"1.0\"?>\n<types>\n  <enum name=\"E\" encodingType=\"float\"/>\n</types>";

        (ImmutableArray<Diagnostic> diagnostics, _, _) = Run(("/repo/schemas/main.xml", main), ("/repo/schemas/types/extra.xml", extra));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/repo/schemas/types/extra.xml", span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Contains("enum 'E' encodingType 'float' is not char or an integer type", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void IncludeRelativeToTheIncludingFile_ResolvesAgainstAdditionalFiles()
    {
        string main = InvalidSchemas.Wrap(string.Empty, "<xi:include href=\"../shared/more.xml\"/>\n<sbe:message name=\"M\" id=\"1\"><field name=\"e\" id=\"1\" type=\"E\"/></sbe:message>");
        string more = "<types><enum name=\"E\" encodingType=\"uint8\"><validValue name=\"A\">1</validValue></enum></types>";

        (ImmutableArray<Diagnostic> diagnostics, Compilation output, _) = Run(("/repo/schemas/main.xml", main), ("/repo/shared/more.xml", more));

        Assert.Empty(diagnostics);
        Assert.NotNull(output.GetTypeByMetadataName("Bad.E"));
        Assert.NotNull(output.GetTypeByMetadataName("Bad.MDecoder"));
    }

    [Fact]
    public void FieldNamedLikeAGeneratedMember_IsReported()
    {
        string xml = InvalidSchemas.Message("<field name=\"limit\" id=\"1\" type=\"int64\" mark=\"here\"/>");

        (ImmutableArray<Diagnostic> diagnostics, _, _) = Run(("/repo/schemas/bad.xml", xml));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(InvalidSchemas.MarkedLine(xml), diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("name 'limit' generates member 'Limit'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSchemasWithOnePackage_AreReported()
    {
        string xml = InvalidSchemas.Message("<field name=\"a\" id=\"1\" type=\"int64\"/>");

        (ImmutableArray<Diagnostic> diagnostics, _, _) = Run(("/repo/a.xml", xml), ("/repo/b.xml", xml));

        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SBE002", diagnostic.Id);
        Assert.Equal("/repo/b.xml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void XmlThatIsNotASchema_IsIgnored()
    {
        (ImmutableArray<Diagnostic> diagnostics, _, int generated) = Run(("/repo/config.xml", "<configuration><x/></configuration>"), ("/repo/broken.xml", "<not closed"));

        Assert.Empty(diagnostics);
        Assert.Equal(0, generated);
    }

    private static (ImmutableArray<Diagnostic> Diagnostics, Compilation Output, int Generated) Run(params (string Path, string Text)[] files)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "GeneratedCodecs",
            [CSharpSyntaxTree.ParseText("namespace Probe { internal static class Empty { } }", parseOptions)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SbeGenerator().AsSourceGenerator()],
            files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        int generated = driver.GetRunResult().GeneratedTrees.Length;
        return (diagnostics, output, generated);
    }
}
