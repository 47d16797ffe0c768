using System;

namespace Llt.Codecs.Schema;

/// <summary>
/// A schema that cannot be used: malformed XML, an unknown or duplicate name, an overlapping offset, a bad constant.
/// <see cref="FileName"/> and <see cref="LineNumber"/> locate the offending element (line 0 when unknown).
/// </summary>
public sealed class SchemaException : Exception
{
    public SchemaException(string fileName, int lineNumber, string problem)
        : base(Format(fileName, lineNumber, problem))
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>The schema file (or included file) holding the offending element.</summary>
    public string FileName { get; }

    /// <summary>1-based line of the offending element, 0 when the problem has no single element.</summary>
    public int LineNumber { get; }

    /// <summary>The problem alone, without the location prefix.</summary>
    public string Problem { get; }

    private static string Format(string fileName, int lineNumber, string problem)
    {
        return lineNumber > 0 ? fileName + "(" + lineNumber + "): " + problem : fileName + ": " + problem;
    }
}
