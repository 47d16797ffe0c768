using Llt.Sbe;

namespace Llt.Hotpath.Feeds.Itch;

/// <summary>A trade reported by ITCH, as told to <see cref="IItchBookListener.OnExecution"/>. Prices fixed point 10^-8.</summary>
public readonly struct ItchExecution
{
    public ItchExecution(
        ItchExecutionKind kind,
        int instrument,
        long timestampNs,
        long price,
        long shares,
        long matchNumber,
        long orderReferenceNumber,
        Side restingSide,
        bool printable,
        long receiveTimestampNs)
    {
        Kind = kind;
        Instrument = instrument;
        TimestampNs = timestampNs;
        Price = price;
        Shares = shares;
        MatchNumber = matchNumber;
        OrderReferenceNumber = orderReferenceNumber;
        RestingSide = restingSide;
        Printable = printable;
        ReceiveTimestampNs = receiveTimestampNs;
    }

    public ItchExecutionKind Kind { get; }

    public int Instrument { get; }

    /// <summary>Nanoseconds since midnight (the message's timestamp).</summary>
    public long TimestampNs { get; }

    public long Price { get; }

    public long Shares { get; }

    /// <summary>Day-unique match number; a Broken Trade ('B') refers to it.</summary>
    public long MatchNumber { get; }

    /// <summary>The resting order executed ('E', 'C'); 0 for 'P' (Nasdaq zero-fills it) and 'Q'.</summary>
    public long OrderReferenceNumber { get; }

    /// <summary>Side of the resting order for 'E' and 'C' (the aggressor took the other side); default for 'P' and 'Q'.</summary>
    public Side RestingSide { get; }

    /// <summary>False for a 'C' marked non-printable: not for time and sales or volume.</summary>
    public bool Printable { get; }

    /// <summary>When the packet carrying it was received (engine clock; 0 when the input had none).</summary>
    public long ReceiveTimestampNs { get; }
}
