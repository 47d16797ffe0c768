namespace Llt.Shell.Alpaca.MessagePack;

/// <summary>The family of the next value, from its format byte alone (<see cref="MessagePackReader.PeekType"/>).</summary>
public enum MessagePackType
{
    /// <summary>No bytes left.</summary>
    End,

    /// <summary>0xc1, never used by the format.</summary>
    Invalid,
    Nil,
    Boolean,

    /// <summary>positive/negative fixint, uint 8..64, int 8..64.</summary>
    Integer,
    Float32,
    Float64,
    String,
    Binary,
    Array,
    Map,

    /// <summary>fixext 1..16 and ext 8/16/32, timestamps included.</summary>
    Extension,
}
