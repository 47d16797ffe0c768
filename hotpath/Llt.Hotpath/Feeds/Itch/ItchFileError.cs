namespace Llt.Hotpath.Feeds.Itch;

/// <summary>Why an <see cref="ItchFileReader"/> stopped before the end of its bytes. Terminal.</summary>
public enum ItchFileError
{
    None = 0,

    /// <summary>The bytes end inside a length prefix or inside the message it announces (a cut or still-growing file).</summary>
    Truncated = 1,
}
