namespace Llt.Shell.Commands.Feed;

/// <summary>The command-line spelling of each <see cref="FeedFormat"/>.</summary>
public static class FeedFormatNames
{
    public const string Itch50 = "itch50";
    public const string IexTops = "iex-tops";
    public const string IexDeep = "iex-deep";
    public const string IexDeepPlus = "iex-deepplus";

    public static readonly string[] All = [Itch50, IexTops, IexDeep, IexDeepPlus];

    public static bool TryParse(string? name, out FeedFormat format)
    {
        switch (name)
        {
            case Itch50:
                format = FeedFormat.Itch50;
                return true;
            case IexTops:
                format = FeedFormat.IexTops;
                return true;
            case IexDeep:
                format = FeedFormat.IexDeep;
                return true;
            case IexDeepPlus:
                format = FeedFormat.IexDeepPlus;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string NameOf(FeedFormat format) => format switch
    {
        FeedFormat.Itch50 => Itch50,
        FeedFormat.IexTops => IexTops,
        FeedFormat.IexDeep => IexDeep,
        _ => IexDeepPlus,
    };
}
