using System.Runtime.CompilerServices;
using System.Text;

namespace Llt.Hotpath.Feeds.Iex;

/// <summary>
/// An IEX symbol: 8 ASCII bytes, left justified and space padded, held as one 64-bit key (byte 0 in the low
/// bits) so the hot path compares and hashes symbols without touching strings. <see cref="ToString"/> and
/// <see cref="From"/> are for the edges (config, tests, CLI).
/// </summary>
public readonly struct IexSymbol : IEquatable<IexSymbol>
{
    public const int Length = IexMessageDescriptor.SymbolLength;

    public IexSymbol(ulong key) => Key = key;

    /// <summary>The 8 symbol bytes read as a little-endian uint64. 0 (eight NUL bytes) is never a valid symbol.</summary>
    public ulong Key { get; }

    /// <summary>False for the all-NUL symbol, which no IEX message carries.</summary>
    public bool IsValid => Key != 0;

    /// <summary>The symbol of <paramref name="text"/> (1..8 ASCII characters), space padded as on the wire.</summary>
    public static IexSymbol From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > Length)
        {
            IexThrowHelper.ThrowArgument(nameof(text), $"an IEX symbol is 1..{Length} ASCII characters, got \"{text}\"");
        }

        ulong key = 0;
        for (int i = Length - 1; i >= 0; i--)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (c > 0x7E || c < 0x20)
            {
                IexThrowHelper.ThrowArgument(nameof(text), $"an IEX symbol is printable ASCII, got \"{text}\"");
            }

            key = (key << 8) | c;
        }

        return new IexSymbol(key);
    }

    /// <summary>The symbol read from 8 wire bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IexSymbol Read(ReadOnlySpan<byte> symbolBytes) => new(IexBytes.UInt64(symbolBytes, 0));

    /// <summary>The symbol with trailing spaces removed (allocates: for the edges, not the hot path).</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        ulong key = Key;
        int length = 0;
        for (int i = 0; i < Length; i++)
        {
            bytes[i] = (byte)(key >> (8 * i));
            if (bytes[i] != (byte)' ')
            {
                length = i + 1;
            }
        }

        return Encoding.ASCII.GetString(bytes[..length]);
    }

    public bool Equals(IexSymbol other) => Key == other.Key;

    public override bool Equals(object? obj) => obj is IexSymbol other && Equals(other);

    public override int GetHashCode() => Key.GetHashCode();

    public static bool operator ==(IexSymbol left, IexSymbol right) => left.Key == right.Key;

    public static bool operator !=(IexSymbol left, IexSymbol right) => left.Key != right.Key;
}
