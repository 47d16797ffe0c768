namespace Llt.Codecs.Generator;

/// <summary>One generated file: its hint name and text.</summary>
internal sealed class GeneratedSource
{
    public GeneratedSource(string hintName, string text)
    {
        HintName = hintName;
        Text = text;
    }

    public string HintName { get; }

    public string Text { get; }
}
