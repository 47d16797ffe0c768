using CsCheck;
using Llt.Shell.Alpaca.MessagePack;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>
/// <see cref="MessagePackReader"/> against bytes written by hand from the spec: every format family at the edges
/// of its encodings, truncation at every byte, hostile counts, deep nesting, and random bytes.
/// </summary>
public sealed class MessagePackReaderTests
{
    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    [Theory]
    [InlineData("00", 0L)]
    [InlineData("7f", 127L)]
    [InlineData("ff", -1L)]
    [InlineData("e0", -32L)]
    [InlineData("cc 80", 128L)]
    [InlineData("cc ff", 255L)]
    [InlineData("cd ffff", 65535L)]
    [InlineData("ce ffffffff", 4294967295L)]
    [InlineData("cf 7fffffffffffffff", long.MaxValue)]
    [InlineData("d0 80", -128L)]
    [InlineData("d0 7f", 127L)]
    [InlineData("d1 8000", -32768L)]
    [InlineData("d2 80000000", -2147483648L)]
    [InlineData("d3 8000000000000000", long.MinValue)]
    [InlineData("d3 ffffffffffffffff", -1L)]
    public void Integers_EveryWidth_AtTheirEdges(string hex, long expected)
    {
        var reader = new MessagePackReader(Hex(hex));

        Assert.Equal(MessagePackType.Integer, reader.PeekType());
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadInt64(out long value));
        Assert.Equal(expected, value);
        Assert.True(reader.End);
    }

    [Fact]
    public void UInt64AboveLongMax_IsOutOfRangeForInt64_ButReadsAsUInt64()
    {
        byte[] bytes = Hex("cf ffffffffffffffff");
        var reader = new MessagePackReader(bytes);

        Assert.Equal(MessagePackStatus.OutOfRange, reader.TryReadInt64(out _));
        Assert.Equal(0, reader.Position);
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadUInt64(out ulong value));
        Assert.Equal(ulong.MaxValue, value);

        var negative = new MessagePackReader(Hex("ff"));
        Assert.Equal(MessagePackStatus.OutOfRange, negative.TryReadUInt64(out _));
        Assert.Equal(0, negative.Position);
    }

    [Fact]
    public void Floats_32And64()
    {
        var reader = new MessagePackReader(Hex("ca 3fc00000 cb 405fa33333333333 ca 7f800000"));

        Assert.Equal(MessagePackType.Float32, reader.PeekType());
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadSingle(out float single));
        Assert.Equal(1.5f, single);
        Assert.Equal(MessagePackType.Float64, reader.PeekType());
        Assert.Equal(MessagePackStatus.WrongType, reader.TryReadSingle(out _));
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadDouble(out double number));
        Assert.Equal(126.55, number);
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadDouble(out double infinity));
        Assert.Equal(double.PositiveInfinity, infinity);
        Assert.Equal(MessagePackStatus.WrongType, new MessagePackReader(Hex("01")).TryReadDouble(out _));
    }

    [Fact]
    public void NilAndBooleans()
    {
        var reader = new MessagePackReader(Hex("c0 c2 c3"));

        Assert.Equal(MessagePackType.Nil, reader.PeekType());
        Assert.Equal(MessagePackStatus.WrongType, reader.TryReadBoolean(out _));
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadNil());
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadBoolean(out bool no));
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadBoolean(out bool yes));
        Assert.Equal((false, true), (no, yes));
        Assert.Equal(MessagePackType.End, reader.PeekType());
        Assert.Equal(MessagePackStatus.Truncated, reader.TryReadNil());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void Strings_EveryHeaderSize(int length)
    {
        byte[] text = new byte[length];
        Array.Fill(text, (byte)'a');
        byte[] bytes = new MessagePackTestEncoder().StrBytes(text).ToArray();
        byte expectedFormat = length switch { <= 31 => (byte)(0xa0 | length), <= 255 => 0xd9, <= 65535 => 0xda, _ => 0xdb };
        Assert.Equal(expectedFormat, bytes[0]);

        var reader = new MessagePackReader(bytes);
        Assert.Equal(MessagePackType.String, reader.PeekType());
        Assert.Equal(MessagePackStatus.WrongType, reader.TryReadBinary(out _));
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadString(out ReadOnlySpan<byte> read));
        Assert.True(read.SequenceEqual(text));
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65536)]
    public void Binaries_EveryHeaderSize(int length)
    {
        byte[] payload = new byte[length];
        new Random(length).NextBytes(payload);
        byte[] bytes = new MessagePackTestEncoder().Bin(payload).ToArray();

        var reader = new MessagePackReader(bytes);
        Assert.Equal(MessagePackType.Binary, reader.PeekType());
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadBinary(out ReadOnlySpan<byte> read));
        Assert.True(read.SequenceEqual(payload));
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void ArraysAndMaps_EveryHeaderSize(int count)
    {
        var array = new MessagePackTestEncoder().Array(count);
        var map = new MessagePackTestEncoder().Map(count);
        for (int i = 0; i < count; i++)
        {
            array.Int(i % 100);
            map.Int(i % 100).Nil();
        }

        var arrayReader = new MessagePackReader(array.ToArray());
        Assert.Equal(MessagePackType.Array, arrayReader.PeekType());
        Assert.Equal(MessagePackStatus.Ok, arrayReader.TryReadArrayHeader(out int elements));
        Assert.Equal(count, elements);

        var mapReader = new MessagePackReader(map.ToArray());
        Assert.Equal(MessagePackType.Map, mapReader.PeekType());
        Assert.Equal(MessagePackStatus.WrongType, mapReader.TryReadArrayHeader(out _));
        Assert.Equal(MessagePackStatus.Ok, mapReader.TryReadMapHeader(out int pairs));
        Assert.Equal(count, pairs);

        var skipper = new MessagePackReader(map.ToArray());
        Assert.Equal(MessagePackStatus.Ok, skipper.TrySkip());
        Assert.True(skipper.End);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(256)]
    [InlineData(65536)]
    public void Extensions_FixedAndSized(int length)
    {
        byte[] payload = new byte[length];
        new Random(length).NextBytes(payload);
        byte[] bytes = new MessagePackTestEncoder().Ext(42, payload).Int(7).ToArray();

        var reader = new MessagePackReader(bytes);
        Assert.Equal(MessagePackType.Extension, reader.PeekType());
        Assert.Equal(MessagePackStatus.WrongType, reader.TryReadTimestamp(out _, out _));
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadExtension(out sbyte type, out ReadOnlySpan<byte> data));
        Assert.Equal(42, type);
        Assert.True(data.SequenceEqual(payload));
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadInt64(out long after));
        Assert.Equal(7, after);
    }

    [Theory]
    [InlineData("d6 ff 00000000", 0L, 0u)]
    [InlineData("d6 ff ffffffff", 4294967295L, 0u)]
    [InlineData("d7 ff 00000004 00000001", 1L, 1u)] // timestamp 64: nanoseconds 1 sit above the 34 bits of seconds
    [InlineData("d7 ff ee6b27ff ffffffff", 17179869183L, 999_999_999u)] // largest timestamp 64
    [InlineData("c7 0c ff 3b9ac9ff 7fffffffffffffff", long.MaxValue, 999_999_999u)]
    [InlineData("c7 0c ff 00000001 ffffffffffffffff", -1L, 1u)] // before the epoch
    public void Timestamps_32_64_96(string hex, long seconds, uint nanoseconds)
    {
        var reader = new MessagePackReader(Hex(hex));

        Assert.Equal(MessagePackStatus.Ok, reader.TryReadTimestamp(out long readSeconds, out uint readNanoseconds));
        Assert.Equal((seconds, nanoseconds), (readSeconds, readNanoseconds));
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("d4 ff 00")] // 1 byte: no timestamp is that long
    [InlineData("d8 ff 00000000000000000000000000000000")] // 16 bytes
    [InlineData("d7 ff ee6b2800 00000000")] // timestamp 64 with 10^9 nanoseconds
    [InlineData("c7 0c ff 3b9aca00 0000000000000000")] // timestamp 96 with 10^9 nanoseconds
    public void Timestamps_OfTheWrongSizeOrWithTooManyNanoseconds_AreInvalid(string hex)
    {
        var reader = new MessagePackReader(Hex(hex));

        Assert.Equal(MessagePackStatus.InvalidTimestamp, reader.TryReadTimestamp(out _, out _));
        Assert.Equal(0, reader.Position);
        Assert.Equal(MessagePackStatus.Ok, reader.TrySkip());
        Assert.True(reader.End);
    }

    [Fact]
    public void NeverUsedFormat_IsInvalid_ForEveryRead()
    {
        var reader = new MessagePackReader(Hex("c1"));

        Assert.Equal(MessagePackType.Invalid, reader.PeekType());
        Assert.Equal(MessagePackStatus.InvalidFormat, reader.TryReadInt64(out _));
        Assert.Equal(MessagePackStatus.InvalidFormat, reader.TryReadString(out _));
        Assert.Equal(MessagePackStatus.InvalidFormat, reader.TryReadArrayHeader(out _));
        Assert.Equal(MessagePackStatus.InvalidFormat, reader.TryReadMapHeader(out _));
        Assert.Equal(MessagePackStatus.InvalidFormat, reader.TrySkip());
        Assert.Equal(0, reader.Position);
    }

    /// <summary>One of each family; every strict prefix of it must read as truncated somewhere, never throw, never overrun.</summary>
    private static byte[] OneOfEach() => new MessagePackTestEncoder()
        .Array(14)
        .Nil().Bool(true).Int(-5).Int(300).Int(-70000).UInt(ulong.MaxValue)
        .Float32(1.5f).Float64(2.25).Str("AAPL").Str(new string('x', 40)).Bin([1, 2, 3])
        .Map(1).Str("k").Array(2).Int(1).Int(2)
        .Timestamp(1_614_009_104, 208_123_456)
        .Ext(5, new byte[3])
        .ToArray();

    [Fact]
    public void EveryTruncation_IsReportedAsTruncated_AtEveryByte()
    {
        byte[] whole = OneOfEach();
        var complete = new MessagePackReader(whole);
        Assert.Equal(MessagePackStatus.Ok, complete.TrySkip());
        Assert.True(complete.End);

        for (int length = 0; length < whole.Length; length++)
        {
            var reader = new MessagePackReader(whole.AsSpan(0, length));
            Assert.Equal(MessagePackStatus.Truncated, reader.TrySkip());
            Assert.Equal(0, reader.Position);
        }
    }

    [Fact]
    public void TruncatedScalars_AreTruncated_AndTheReaderDoesNotMove()
    {
        foreach (string hex in new[] { "cd ff", "cf 0000", "d3 00", "ca 0000", "cb 00", "a3 4141", "d9", "d9 05 41", "c4 02 00", "d6 ff 0000", "c7 0c ff 00", "dc 00" })
        {
            var reader = new MessagePackReader(Hex(hex));
            MessagePackStatus status = reader.PeekType() switch
            {
                MessagePackType.Integer => reader.TryReadInt64(out _),
                MessagePackType.Float32 or MessagePackType.Float64 => reader.TryReadDouble(out _),
                MessagePackType.String => reader.TryReadString(out _),
                MessagePackType.Binary => reader.TryReadBinary(out _),
                MessagePackType.Extension => reader.TryReadTimestamp(out _, out _),
                _ => reader.TryReadArrayHeader(out _),
            };

            Assert.True(status == MessagePackStatus.Truncated, $"{hex}: {status}");
            Assert.Equal(0, reader.Position);
        }
    }

    [Theory]
    [InlineData("dd 7fffffff c0")] // array 32 promising 2^31 - 1 values
    [InlineData("df 7fffffff c0 c0")] // map 32 promising 2^31 pairs
    [InlineData("93 c0 c0")] // fixarray of 3 with 2
    public void CountsBeyondTheBytesLeft_AreTruncated(string hex)
    {
        var reader = new MessagePackReader(Hex(hex));

        MessagePackStatus header = reader.PeekType() == MessagePackType.Map ? reader.TryReadMapHeader(out _) : reader.TryReadArrayHeader(out _);
        Assert.Equal(MessagePackStatus.Truncated, header);
        Assert.Equal(0, reader.Position);
        Assert.Equal(MessagePackStatus.Truncated, new MessagePackReader(Hex(hex)).TrySkip());
    }

    [Fact]
    public void LengthsBeyondInt32_AreOutOfRange()
    {
        Assert.Equal(MessagePackStatus.OutOfRange, new MessagePackReader(Hex("db ffffffff 41")).TryReadString(out _));
        Assert.Equal(MessagePackStatus.OutOfRange, new MessagePackReader(Hex("c6 80000000")).TrySkip());
        Assert.Equal(MessagePackStatus.OutOfRange, new MessagePackReader(Hex("dd ffffffff")).TryReadArrayHeader(out _));
    }

    [Fact]
    public void DeepNesting_IsSkippedWithoutRecursion()
    {
        byte[] bytes = new byte[1_000_001];
        Array.Fill(bytes, (byte)0x91); // a million arrays of one, each inside the last
        bytes[^1] = 0xc0;

        var reader = new MessagePackReader(bytes);
        Assert.Equal(MessagePackStatus.Ok, reader.TrySkip());
        Assert.True(reader.End);
    }

    [Fact]
    public void RandomBytes_NeverThrow_AndNeverReadPastTheEnd()
    {
        Gen.Byte.Array[0, 48].Sample(bytes =>
        {
            var reader = new MessagePackReader(bytes);
            while (!reader.End)
            {
                int before = reader.Position;
                MessagePackStatus status = reader.TrySkip();
                if (status != MessagePackStatus.Ok)
                {
                    Assert.Equal(before, reader.Position);
                    break;
                }

                Assert.True(reader.Position > before && reader.Position <= bytes.Length);
            }
        });
    }

    [Fact]
    public void Reading_AllocatesNothing()
    {
        byte[] bytes = OneOfEach();
        long Read()
        {
            long sum = 0;
            var reader = new MessagePackReader(bytes);
            reader.TryReadArrayHeader(out _);
            reader.TryReadNil();
            reader.TryReadBoolean(out _);
            reader.TryReadInt64(out long a);
            reader.TryReadInt64(out long b);
            reader.TryReadInt64(out long c);
            reader.TryReadUInt64(out ulong d);
            reader.TryReadSingle(out float e);
            reader.TryReadDouble(out double f);
            reader.TryReadString(out ReadOnlySpan<byte> g);
            reader.TryReadString(out ReadOnlySpan<byte> h);
            reader.TryReadBinary(out ReadOnlySpan<byte> i);
            reader.TrySkip();
            reader.TryReadTimestamp(out long seconds, out uint nanoseconds);
            reader.TryReadExtension(out sbyte type, out ReadOnlySpan<byte> data);
            sum += a + b + c + (long)(d & 1) + (long)e + (long)f + g.Length + h.Length + i.Length + seconds + nanoseconds + type + data.Length;
            return reader.End ? sum : -1;
        }

        long expected = Read();
        Assert.NotEqual(-1, expected);
        for (int warm = 0; warm < 1000; warm++)
        {
            Read();
        }

        int wrong = 0;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int n = 0; n < 10_000; n++)
        {
            wrong += Read() == expected ? 0 : 1;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal(0, wrong);
        Assert.Equal(0, allocated);
    }
}
