using System.Buffers;
using Llt.Shell.Alpaca.MessagePack;

namespace Llt.Shell.Tests.Alpaca;

/// <summary><see cref="MessagePackWriter"/>: the smallest header for each size, byte for byte as the spec lays them out.</summary>
public sealed class MessagePackWriterTests
{
    private static byte[] Write(Action<MessagePackWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new MessagePackWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    [Theory]
    [InlineData(0, "a0")]
    [InlineData(31, "bf")]
    [InlineData(32, "d920")]
    [InlineData(255, "d9ff")]
    [InlineData(256, "da0100")]
    [InlineData(65535, "daffff")]
    [InlineData(65536, "db00010000")]
    public void Strings_TakeTheSmallestHeader(int length, string header)
    {
        byte[] bytes = Write(w => w.WriteString(new string('k', length)));

        Assert.Equal(header, Convert.ToHexString(bytes, 0, header.Length / 2).ToLowerInvariant());
        Assert.Equal((header.Length / 2) + length, bytes.Length);
        Assert.All(bytes[(header.Length / 2)..], b => Assert.Equal((byte)'k', b));
    }

    [Fact]
    public void NonAsciiStrings_CountUtf8Bytes()
    {
        Assert.Equal("a3c3a978", Convert.ToHexString(Write(w => w.WriteString("éx"))).ToLowerInvariant());
    }

    [Theory]
    [InlineData(0, "90", "80")]
    [InlineData(15, "9f", "8f")]
    [InlineData(16, "dc0010", "de0010")]
    [InlineData(65535, "dcffff", "deffff")]
    [InlineData(65536, "dd00010000", "df00010000")]
    public void ArrayAndMapHeaders_TakeTheSmallestForm(int count, string array, string map)
    {
        Assert.Equal(array, Convert.ToHexString(Write(w => w.WriteArrayHeader(count))).ToLowerInvariant());
        Assert.Equal(map, Convert.ToHexString(Write(w => w.WriteMapHeader(count))).ToLowerInvariant());
    }

    [Fact]
    public void AnAuthMessage_IsTheMapAlpacasDocumentationShows()
    {
        byte[] bytes = Write(w =>
        {
            w.WriteMapHeader(3);
            w.WriteString("action");
            w.WriteString("auth");
            w.WriteString("key");
            w.WriteString("K");
            w.WriteString("secret");
            w.WriteString("S");
            w.WriteNil();
        });

        // {"action":"auth","key":"K","secret":"S"} then nil
        Assert.Equal("83a6616374696f6ea461757468a36b6579a14ba6736563726574a153c0", Convert.ToHexString(bytes).ToLowerInvariant());
        var reader = new MessagePackReader(bytes);
        Assert.Equal(MessagePackStatus.Ok, reader.TryReadMapHeader(out int pairs));
        Assert.Equal(3, pairs);
        Assert.Equal(MessagePackStatus.Ok, reader.TrySkip());
    }
}
