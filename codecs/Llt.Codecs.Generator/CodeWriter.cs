using System.Text;

namespace Llt.Codecs.Generator;

/// <summary>Indenting text builder for generated sources (4 spaces, Allman braces).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new StringBuilder();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(text);
        }

        _text.Append('\n');
    }

    public void Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
    }

    public void Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
    }

    public void Summary(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        Line("/// <summary>" + Escape(text!) + "</summary>");
    }

    public override string ToString() => _text.ToString();

    private static string Escape(string text)
    {
        return text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
    }
}
