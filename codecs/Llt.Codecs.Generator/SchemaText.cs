using System;

namespace Llt.Codecs.Generator;

/// <summary>An AdditionalFiles .xml item: its path as given, normalized for include lookup, and its text.</summary>
internal sealed class SchemaText : IEquatable<SchemaText>
{
    public SchemaText(string path, string text)
    {
        Path = path;
        NormalizedPath = Llt.Codecs.Schema.SchemaParser.NormalizePath(path);
        Text = text;
    }

    public string Path { get; }

    public string NormalizedPath { get; }

    public string Text { get; }

    public bool Equals(SchemaText? other)
    {
        return other != null && string.Equals(Path, other.Path, StringComparison.Ordinal) && string.Equals(Text, other.Text, StringComparison.Ordinal);
    }

    public override bool Equals(object? obj) => Equals(obj as SchemaText);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Path) ^ Text.Length;
}
