using CsCheck;
using Llt.Shell.Alpaca;
using static Llt.Shell.Tests.Alpaca.AlpacaStreamParserTests;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// Alpaca frames in MessagePack through <see cref="AlpacaMessagePackParser"/>: the documentation's JSON examples,
/// converted by the tests' own encoder, must give exactly the handler calls the JSON parser gives; then everything
/// that can be wrong with a binary frame.
/// </summary>
public sealed class AlpacaMessagePackParserTests
{
    private const string ControlFrame = """[{"T":"success","msg":"connected"},{"T":"success","msg":"authenticated"},{"T":"error","code":402,"msg":"auth failed"},{"T":"subscription","trades":["AAPL"],"quotes":["AMD","CLDR"],"bars":["*"],"updatedBars":[],"dailyBars":["VOO"]}]""";

    public static TheoryData<string> DocumentedFrames => new()
    {
        ControlFrame,
        """[{"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208123456Z","c":["@","I"],"z":"C"}]""",
        """[{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,"t":"2021-02-22T15:51:45.335689322Z","c":["R"],"z":"C"},{"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z"},{"T":"d","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T05:00:00Z"},{"T":"u","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49379,"t":"2021-02-22T19:15:00Z"}]""",
        """[{"T":"s","S":"AAPL","sc":"H","sm":"Trading Halt","rc":"T12","rm":"News","t":"2021-02-22T19:15:00Z","z":"C"},{"T":"l","S":"AAPL","u":130.1,"d":120.2,"i":"B","t":"2021-02-22T19:15:00Z","z":"C"}]""",
        """[{"T":"c","S":"EEM","x":"N","oi":52983525033527,"op":39.1582,"os":440000,"oc":[" ","7","V"],"ci":52983525034326,"cp":39.1809,"cs":440000,"cc":[" ","7","V"],"t":"2023-04-06T13:04:05.450Z","z":"B"},{"T":"x","S":"SPY","i":1,"x":"N","p":401.29,"s":100,"a":"C","t":"2023-04-06T13:04:05.450Z","z":"B"}]""",
        """[{"T":"n","id":24918784,"headline":"Corsair Reports Purchase","summary":"","author":"Benzinga Newsdesk","created_at":"2022-01-05T22:00:37Z","updated_at":"2022-01-05T22:00:38Z","url":"","content":"","symbols":["CRSR"],"source":"benzinga"}]""",
        """[{"T":"t","S":"BTC/USD","i":1,"p":43000.5,"s":0.0123,"t":"2022-01-05T22:00:37.123Z","tks":"B"},{"T":"t","S":"BTC/USD","i":2,"p":12345678.12345678,"s":1,"t":"2022-01-05T22:00:37.123Z"},{"T":"q","S":"AAPL","bp":0,"bs":0,"ap":190.5,"as":3,"t":"1970-01-01T00:00:00Z"}]""",
        """[{"T":"zz"},{"msg":"hello"},{"T":"error","msg":"no code"},{"T":"t","S":"AAPL","s":1,"t":"2021-02-22T15:51:44Z"},{"T":"q","S":"AAPL","bp":1,"bs":1,"ap":"x","as":1,"t":"2021-02-22T15:51:44Z"},{"T":"t","S":"AAPL","p":1.5,"s":1,"t":"yesterday"},{"T":"t","S":"AAPL","p":1.123456789,"s":1,"t":"2021-02-22T15:51:44Z"},{"T":"t","S":"AAPL","p":1.5,"s":-1,"t":"2021-02-22T15:51:44Z"}]""",
        """[{"T":"t","S":"AAPL","p":1e27,"s":1,"t":"2021-02-22T15:51:44Z"},{"T":"t","S":"AAPL","p":92233720368.5,"s":1e30,"t":"2021-02-22T15:51:44Z"},{"T":"q","S":"AAPL","bp":-92233720368,"bs":1,"ap":92233720369,"as":1,"t":"2021-02-22T15:51:44Z"}]""",
        """[1,"two",[3],{"T":"t","i":1,"S":"AAPL","x":"V","p":100,"s":5,"t":"2021-02-22T15:51:44Z"}]""",
    };

    private static (Recorder Recorder, int Count) ParseJson(string json)
    {
        var recorder = new Recorder();
        int count = AlpacaStreamParser.Parse(System.Text.Encoding.UTF8.GetBytes(json), recorder);
        return (recorder, count);
    }

    private static (Recorder Recorder, int Count) ParseMessagePack(byte[] frame)
    {
        var recorder = new Recorder();
        int count = AlpacaMessagePackParser.Parse(frame, recorder);
        return (recorder, count);
    }

    private static void AssertSameCalls((Recorder Recorder, int Count) json, (Recorder Recorder, int Count) messagePack)
    {
        Assert.Equal(json.Count, messagePack.Count);
        Assert.Equal(json.Recorder.Log, messagePack.Recorder.Log);
        Assert.Equal(json.Recorder.Trades, messagePack.Recorder.Trades);
        Assert.Equal(json.Recorder.Quotes, messagePack.Recorder.Quotes);
        Assert.Equal(json.Recorder.Bars, messagePack.Recorder.Bars);
    }

    [Theory]
    [MemberData(nameof(DocumentedFrames))]
    public void EveryFrame_GivesTheSameCallsAsItsJson_WithEveryTimestampSize(string json)
    {
        (Recorder Recorder, int Count) expected = ParseJson(json);
        Assert.True(expected.Count > 0);

        foreach (TimestampForm form in Enum.GetValues<TimestampForm>())
        {
            AssertSameCalls(expected, ParseMessagePack(MessagePackTestEncoder.FromJson(json, form)));
        }
    }

    [Fact]
    public void Float32Prices_GiveTheDecimalsTheyWereWrittenFrom()
    {
        const string json = """[{"T":"q","S":"AMD","bp":87.66,"bs":1,"ap":87.68,"as":4,"t":"2021-02-22T15:51:45.335689322Z"},{"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z"}]""";

        (Recorder recorder, int count) = ParseMessagePack(MessagePackTestEncoder.FromJson(json, floats32: true));

        AssertSameCalls(ParseJson(json), (recorder, count));
        Assert.Equal(87_66000000, Assert.Single(recorder.Quotes).BidPrice);
        Assert.Equal(388_98500000, recorder.Bars[0].Open);
    }

    [Fact]
    public void IntegerPricesAndStringTimestamps_AreReadToo()
    {
        byte[] frame = new MessagePackTestEncoder().Array(1)
            .Map(6).Str("T").Str("t").Str("S").Str("AAPL").Str("p").Int(250).Str("s").Int(3).Str("i").UInt(ulong.MaxValue).Str("t").Str("2021-02-22T15:51:44.000000001Z")
            .ToArray();

        AlpacaTrade trade = Assert.Single(ParseMessagePack(frame).Recorder.Trades);

        Assert.Equal((250_00000000L, 3L, 0L, 1_614_009_104_000_000_001L), (trade.Price, trade.Size, trade.TradeId, trade.TimestampNs));
    }

    private static MessagePackTestEncoder TradeFields(MessagePackTestEncoder e, int extraPairs) =>
        e.Map(5 + extraPairs).Str("T").Str("t").Str("S").Str("AAPL").Str("p").Float64(1.5).Str("s").Int(1);

    [Fact]
    public void TimestampsBeyondTheNanosecondRange_OrOtherExtensions_MakeTheMessageMalformed_NotTheFrame()
    {
        var e = new MessagePackTestEncoder().Array(3);
        TradeFields(e, 0).Str("t").Timestamp(long.MaxValue, 0, TimestampForm.Always96);
        TradeFields(e, 0).Str("t").Ext(7, [1, 2, 3, 4]);
        TradeFields(e, 0).Str("t").Timestamp(1_614_009_104, 0);

        (Recorder recorder, int count) = ParseMessagePack(e.ToArray());

        Assert.Equal(3, count);
        Assert.Equal(2, recorder.Log.Count(line => line.StartsWith("malformed trade without", StringComparison.Ordinal)));
        Assert.Equal(1_614_009_104_000_000_000, Assert.Single(recorder.Trades).TimestampNs);
    }

    [Fact]
    public void ANonStringKeyOrInvalidUtf8_MakesThatMessageMalformed_AndTheNextOneIsRead()
    {
        var e = new MessagePackTestEncoder().Array(3);
        TradeFields(e, 1).Str("t").Timestamp(1, 0).Int(5).Nil();
        e.Map(5).Str("T").Str("t").Str("S").StrBytes([0x41, 0xff]).Str("p").Int(1).Str("s").Int(1).Str("t").Timestamp(1, 0);
        TradeFields(e, 0).Str("t").Timestamp(2, 0);

        (Recorder recorder, int count) = ParseMessagePack(e.ToArray());

        Assert.Equal(3, count);
        Assert.Equal(["malformed a map key is not a string", "malformed trade without S, p, s or t ()"], recorder.Log);
        Assert.Equal(2_000_000_000, Assert.Single(recorder.Trades).TimestampNs);
    }

    [Theory]
    [InlineData("c1", "not valid MessagePack: InvalidFormat")]
    [InlineData("", "not valid MessagePack: Truncated")]
    [InlineData("81 a1 54 a1 74", "a frame must be a MessagePack array")]
    [InlineData("dd 7fffffff 80", "not valid MessagePack: Truncated")]
    [InlineData("91 82 a1 54 a1 74 a1 53", "not valid MessagePack: Truncated")]
    [InlineData("90 c0", "1 bytes after the message array")]
    public void BrokenFrames_AreOneMalformedMessage_NeverAnException(string hex, string why)
    {
        (Recorder recorder, int count) = ParseMessagePack(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));

        Assert.Equal(1, count);
        Assert.StartsWith("malformed " + why, Assert.Single(recorder.Log), StringComparison.Ordinal);
    }

    [Fact]
    public void AFrameCutShort_KeepsTheMessagesBeforeTheCut()
    {
        byte[] whole = MessagePackTestEncoder.FromJson("""[{"T":"t","i":1,"S":"AAPL","x":"V","p":100,"s":5,"t":"2021-02-22T15:51:44Z"},{"T":"t","i":2,"S":"AAPL","x":"V","p":101,"s":5,"t":"2021-02-22T15:51:45Z"}]""");

        for (int cut = whole.Length / 2 + 2; cut < whole.Length; cut++)
        {
            (Recorder recorder, int count) = ParseMessagePack(whole[..cut]);

            Assert.Equal(2, count);
            Assert.Equal(1, Assert.Single(recorder.Trades).TradeId);
            Assert.StartsWith("malformed not valid MessagePack: Truncated", Assert.Single(recorder.Log), StringComparison.Ordinal);
        }
    }

    /// <summary>Touches what a publisher would read, allocating nothing itself.</summary>
    private sealed class Sum : IAlpacaStreamHandler
    {
        public long Total;
        public int Trades;
        public int Quotes;
        public int Others;

        public void OnSuccess(string message) => Others++;

        public void OnError(int code, string message) => Others++;

        public void OnSubscription(IReadOnlyList<string> trades, IReadOnlyList<string> quotes, IReadOnlyList<string> bars) => Others++;

        public void OnTrade(in AlpacaTrade trade)
        {
            Trades++;
            Total ^= trade.Price + trade.Symbol.Length + trade.Tape.Length;
        }

        public void OnQuote(in AlpacaQuote quote)
        {
            Quotes++;
            Total ^= quote.BidPrice + quote.AskSize + quote.TimestampNs + quote.Symbol.Length;
        }

        public void OnBar(in AlpacaBar bar) => Others++;

        public void OnOther(string type, string? symbol) => Others++;

        public void OnMalformed(string why) => Others++;
    }

    [Fact]
    public void TradesAndQuotesOfKnownSymbols_AllocateNothing()
    {
        byte[] frame = MessagePackTestEncoder.FromJson("""[{"T":"q","S":"AAPL","bx":"U","bp":190.1,"bs":3,"ax":"Q","ap":190.12,"as":2,"t":"2024-01-02T15:00:00.123456789Z","c":["R"],"z":"C"},{"T":"t","i":7,"S":"MSFT","x":"V","p":410.01,"s":100,"t":"2024-01-02T15:00:00.5Z","c":["@"],"z":"C"}]""");
        var warmUp = new Sum();
        for (int n = 0; n < 1000; n++)
        {
            AlpacaMessagePackParser.Parse(frame, warmUp);
        }

        var sum = new Sum();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int n = 0; n < 10_000; n++)
        {
            AlpacaMessagePackParser.Parse(frame, sum);
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal((10_000, 10_000, 0), (sum.Trades, sum.Quotes, sum.Others));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void RandomBytesAndMutatedFrames_NeverThrow_AndAreAlwaysReported()
    {
        byte[] valid = MessagePackTestEncoder.FromJson(ControlFrame);
        Gen.Select(Gen.Byte.Array[0, 64], Gen.Int[0, valid.Length - 1], Gen.Byte).Sample((random, at, value) =>
        {
            byte[] mutated = (byte[])valid.Clone();
            mutated[at] = value;
            foreach (byte[] frame in new[] { random, mutated })
            {
                (Recorder recorder, int count) = ParseMessagePack(frame);
                int calls = recorder.Log.Count + recorder.Trades.Count + recorder.Quotes.Count + recorder.Bars.Count;
                Assert.True(calls == count, $"{Convert.ToHexString(frame)}: {count} messages, {calls} calls");
            }
        });
    }
}
