using System.Text;
using Llt.Hotpath.Journal;

namespace Llt.Hotpath.Tests.Journal;

public sealed class Crc32CTests
{
    public static TheoryData<string, uint> KnownAnswers => new()
    {
        { "", 0x00000000 },
        { "a", 0xC1D04330 },
        { "abc", 0x364B3FB7 },
        { "123456789", 0xE3069283 },
        { "The quick brown fox jumps over the lazy dog", 0x22620404 },
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void ComputeSoftware_MatchesKnownAnswer(string input, uint expected)
    {
        Assert.Equal(expected, Crc32C.ComputeSoftware(Encoding.ASCII.GetBytes(input)));
    }

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void ComputeHardware_MatchesKnownAnswer(string input, uint expected)
    {
        Assert.True(Crc32C.IsHardwareAccelerated, "this x86-64 host must have SSE4.2 for the hardware path to be tested");
        Assert.Equal(expected, Crc32C.ComputeHardware(Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public void ComputeSoftware_OfThirtyTwoZeroBytes_MatchesRfc3720Vector()
    {
        Assert.Equal(0x8A9136AAu, Crc32C.ComputeSoftware(new byte[32]));
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
    }

    [Fact]
    public void HardwareAndSoftware_AgreeOnEveryLengthAndAlignment()
    {
        var random = new Random(12345);
        var data = new byte[1100];
        random.NextBytes(data);
        for (int start = 0; start < 9; start++)
        {
            for (int length = 0; length + start <= data.Length; length += 7)
            {
                ReadOnlySpan<byte> slice = data.AsSpan(start, length);
                Assert.Equal(Crc32C.ComputeSoftware(slice), Crc32C.ComputeHardware(slice));
            }
        }
    }

    [Fact]
    public void Update_InPieces_EqualsOneShot()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        uint state = Crc32C.Update(Crc32C.InitialState, data.AsSpan(0, 4));
        state = Crc32C.Update(state, data.AsSpan(4));
        Assert.Equal(0xE3069283u, Crc32C.Finish(state));
    }

    [Fact]
    public void UpdateInt32_EqualsUpdateOfItsLittleEndianBytes()
    {
        uint viaInt = Crc32C.Update(Crc32C.InitialState, 0x04030201);
        uint viaBytes = Crc32C.UpdateSoftware(Crc32C.InitialState, new byte[] { 1, 2, 3, 4 });
        Assert.Equal(viaBytes, viaInt);
    }

    [Fact]
    public void Compute_DetectsEverySingleFlippedBit()
    {
        var data = new byte[64];
        new Random(7).NextBytes(data);
        uint original = Crc32C.Compute(data);
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            data[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(original, Crc32C.Compute(data));
            data[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }
}
