using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Llt.Codecs.Tests.Generator;

/// <summary>An AdditionalFiles item for driving the generator in-process.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
