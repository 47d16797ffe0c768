using Microsoft.CodeAnalysis;

namespace Llt.Codecs.Generator;

/// <summary>Diagnostics the generator reports; all are build errors.</summary>
internal static class SbeDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidSchema = new DiagnosticDescriptor(
        id: "SBE001",
        title: "Invalid SBE schema",
        messageFormat: "{0}",
        category: "Llt.Codecs",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicatePackage = new DiagnosticDescriptor(
        id: "SBE002",
        title: "Duplicate SBE package",
        messageFormat: "schema package '{0}' is also generated from '{1}'; packages must be unique per assembly",
        category: "Llt.Codecs",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new DiagnosticDescriptor(
        id: "SBE003",
        title: "SBE generator failure",
        messageFormat: "generating codecs from this schema failed: {0}",
        category: "Llt.Codecs",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
