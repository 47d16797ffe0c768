using System.Text;
using Llt.Shell.Alpaca;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>Alpaca market data stream v2 frames (the documentation's examples) through <see cref="AlpacaStreamParser"/>.</summary>
public sealed class AlpacaStreamParserTests
{
    internal sealed class Recorder : IAlpacaStreamHandler
    {
        public List<string> Log { get; } = [];

        public List<AlpacaTrade> Trades { get; } = [];

        public List<AlpacaQuote> Quotes { get; } = [];

        public List<AlpacaBar> Bars { get; } = [];

        public void OnSuccess(string message) => Log.Add("success " + message);

        public void OnError(int code, string message) => Log.Add($"error {code} {message}");

        public void OnSubscription(IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars) =>
            Log.Add($"subscription t={string.Join(',', trades)} q={string.Join(',', quotes)} b={string.Join(',', bars)}");

        public void OnTrade(in AlpacaTrade trade) => Trades.Add(trade);

        public void OnQuote(in AlpacaQuote quote) => Quotes.Add(quote);

        public void OnBar(in AlpacaBar bar) => Bars.Add(bar);

        public void OnOther(string type, string? symbol) => Log.Add($"other {type} {symbol}");

        public void OnMalformed(string why) => Log.Add("malformed " + why);
    }

    private static Recorder Parse(string json, out int count)
    {
        var recorder = new Recorder();
        count = AlpacaStreamParser.Parse(Encoding.UTF8.GetBytes(json), recorder);
        return recorder;
    }

    [Fact]
    public void ControlMessages()
    {
        Recorder r = Parse("""[{"T":"success","msg":"connected"},{"T":"success","msg":"authenticated"},{"T":"error","code":402,"msg":"auth failed"},{"T":"subscription","trades":["AAPL"],"quotes":["AMD","CLDR"],"bars":["*"],"updatedBars":[],"dailyBars":["VOO"]}]""", out int count);

        Assert.Equal(4, count);
        Assert.Equal(["success connected", "success authenticated", "error 402 auth failed", "subscription t=AAPL q=AMD,CLDR b=*"], r.Log);
    }

    [Fact]
    public void Trade_PricesAreExactFixedPoint_AndNanosecondsAreKept()
    {
        Recorder r = Parse("""[{"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208123456Z","c":["@","I"],"z":"C"}]""", out _);

        AlpacaTrade trade = Assert.Single(r.Trades);
        Assert.Equal("AAPL", trade.Symbol);
        Assert.Equal(126_55000000, trade.Price);
        Assert.Equal(1, trade.Size);
        Assert.Equal(96921, trade.TradeId);
        Assert.Equal("D", trade.Exchange);
        Assert.Equal("C", trade.Tape);
        Assert.Equal(1_614_009_104_208_123_456, trade.TimestampNs);
    }

    [Fact]
    public void Quote_AndBars()
    {
        Recorder r = Parse("""
            [{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,"t":"2021-02-22T15:51:45.335689322Z","c":["R"],"z":"C"},
             {"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z"},
             {"T":"d","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T05:00:00Z"}]
            """, out int count);

        Assert.Equal(3, count);
        AlpacaQuote quote = Assert.Single(r.Quotes);
        Assert.Equal((87_66000000L, 1L, 87_68000000L, 4L), (quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize));
        Assert.Equal(1_614_009_105_335_689_322, quote.TimestampNs);
        Assert.Equal(2, r.Bars.Count);
        Assert.Equal(("b", 389_12000000L, 49378L), (r.Bars[0].Kind, r.Bars[0].Close, r.Bars[0].Volume));
        Assert.Equal(1_614_021_300_000_000_000, r.Bars[0].TimestampNs);
    }

    [Fact]
    public void StatusesCorrectionsAndLulds_AreReadAsOther()
    {
        Recorder r = Parse("""[{"T":"s","S":"AAPL","sc":"H","sm":"Trading Halt","rc":"T12","rm":"News","t":"2021-02-22T19:15:00Z","z":"C"},{"T":"l","S":"AAPL","u":130.1,"d":120.2,"i":"B","t":"2021-02-22T19:15:00Z","z":"C"}]""", out _);

        Assert.Equal(["other s AAPL", "other l AAPL"], r.Log);
    }

    [Theory]
    [InlineData("""{"T":"success","msg":"connected"}""", "a frame must be a JSON array")]
    [InlineData("""[{"T":"t","S":"AAPL","s":1,"t":"2021-02-22T15:51:44Z"}]""", "trade without")]
    [InlineData("""[{"T":"q","S":"AAPL","bp":1,"bs":1,"ap":"x","as":1,"t":"2021-02-22T15:51:44Z"}]""", "quote without")]
    [InlineData("""[{"T":"t","S":"AAPL","p":1.5,"s":1,"t":"yesterday"}]""", "trade without")]
    [InlineData("""[{"T":"zz"}]""", "unknown message type")]
    [InlineData("""[{"msg":"hello"}]""", "without \"T\"")]
    [InlineData("""[{"T":"error","msg":"no code"}]""", "without a code")]
    [InlineData("""[{"T":"t",""", "not valid JSON")]
    [InlineData("""[{"T":"t","S":"AAPL","p":1.123456789,"s":1,"t":"2021-02-22T15:51:44Z"}]""", "trade without")]
    public void BadMessages_AreReportedMalformed_NotThrown(string json, string why)
    {
        Recorder r = Parse(json, out _);

        Assert.Contains(r.Log, line => line.StartsWith("malformed", StringComparison.Ordinal) && line.Contains(why, StringComparison.Ordinal));
        Assert.Empty(r.Trades);
        Assert.Empty(r.Quotes);
    }

    [Fact]
    public void AMalformedMessage_DoesNotLoseTheRestOfTheFrame()
    {
        Recorder r = Parse("""[{"T":"zz"},{"T":"t","i":1,"S":"AAPL","x":"V","p":100,"s":5,"t":"2021-02-22T15:51:44Z"}]""", out int count);

        Assert.Equal(2, count);
        Assert.Single(r.Trades);
    }
}
