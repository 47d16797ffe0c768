using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Xml;
using Llt.Codecs.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Llt.Codecs.Generator;

/// <summary>
/// Generates SBE 1.0 codecs from every AdditionalFiles *.xml whose root is messageSchema. xi:include hrefs resolve
/// against the other AdditionalFiles (relative to the including file). Schema problems are SBE001 build errors
/// located at the offending file and line.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SbeGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<SchemaText>> files = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellation) => new SchemaText(file.Path, file.GetText(cancellation)?.ToString() ?? string.Empty))
            .Collect();
        context.RegisterSourceOutput(files, static (output, texts) => Execute(output, texts));
    }

    private static void Execute(SourceProductionContext output, ImmutableArray<SchemaText> texts)
    {
        var byPath = new Dictionary<string, SchemaText>(StringComparer.Ordinal);
        foreach (SchemaText text in texts)
        {
            byPath[text.NormalizedPath] = text;
        }

        var packages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (SchemaText text in texts)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            if (!IsMessageSchema(text.Text))
            {
                continue;
            }

            try
            {
                MessageSchema schema = SchemaParser.Parse(text.Text, text.NormalizedPath, path => byPath.TryGetValue(path, out SchemaText? included) ? included.Text : null);
                string ns = Naming.Namespace(schema.Package);
                if (packages.TryGetValue(ns, out string? other))
                {
                    output.ReportDiagnostic(Diagnostic.Create(SbeDiagnostics.DuplicatePackage, At(text.Path, 1), schema.Package, other));
                    continue;
                }

                packages.Add(ns, text.Path);
                foreach (GeneratedSource source in SchemaCodeGenerator.Generate(schema))
                {
                    output.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
                }
            }
            catch (SchemaException ex)
            {
                string path = byPath.TryGetValue(ex.FileName, out SchemaText? file) ? file.Path : ex.FileName;
                output.ReportDiagnostic(Diagnostic.Create(SbeDiagnostics.InvalidSchema, At(path, ex.LineNumber), ex.Problem));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                output.ReportDiagnostic(Diagnostic.Create(SbeDiagnostics.GeneratorFailure, At(text.Path, 1), ex.GetType().Name + ": " + ex.Message));
            }
        }
    }

    /// <summary>
    /// True when the document's root element is messageSchema. Malformed documents count when they mention it,
    /// so that a broken schema is reported rather than silently skipped.
    /// </summary>
    private static bool IsMessageSchema(string text)
    {
        try
        {
            using (var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
            {
                return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "messageSchema";
            }
        }
        catch (XmlException)
        {
            return text.IndexOf("messageSchema", StringComparison.Ordinal) >= 0;
        }
    }

    private static Location At(string path, int line)
    {
        var position = new LinePosition(Math.Max(line - 1, 0), 0);
        return Location.Create(path, default(TextSpan), new LinePositionSpan(position, position));
    }
}
