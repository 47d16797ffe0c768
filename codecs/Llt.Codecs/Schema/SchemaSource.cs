namespace Llt.Codecs.Schema;

/// <summary>File and 1-based line of a schema element, kept for error messages and diagnostics.</summary>
public sealed class SchemaSource
{
    public SchemaSource(string fileName, int lineNumber)
    {
        FileName = fileName;
        LineNumber = lineNumber;
    }

    public string FileName { get; }

    public int LineNumber { get; }

    public override string ToString() => FileName + "(" + LineNumber + ")";
}
