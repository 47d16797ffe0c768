using System.Buffers.Binary;
using CsCheck;
using Llt.Codecs.Runtime;
using Llt.Tests.Features;

namespace Llt.Codecs.Tests.Codecs;

public sealed class CheckedDecodeTests
{
    private const int OuterDimension = NestedDecoder.HeaderLength + NestedDecoder.BlockLength;

    [Fact]
    public void TryDecode_CompleteMessage_IsOk()
    {
        byte[] message = Message();

        Assert.Equal(SbeDecodeStatus.Ok, NestedDecoder.TryDecode(message, 0, out NestedDecoder d, out SbeError error));
        Assert.Equal(SbeErrorReason.None, error.Reason);
        Assert.NotEqual(0, NestedMessageWriter.ReadAll(ref d));
        Assert.Equal(message.Length, d.Limit);
    }

    [Fact]
    public void TryDecode_TruncatedAtEveryLength_ReportsTruncationInsideTheBuffer()
    {
        byte[] message = Message();
        for (int length = 0; length < message.Length; length++)
        {
            SbeDecodeStatus status = NestedDecoder.TryDecode(message.AsSpan(0, length), 0, out _, out SbeError error);

            Assert.True(status == SbeDecodeStatus.Truncated, "length " + length + ": " + status + " " + error);
            Assert.InRange(error.Offset, 0, length);
            Assert.Equal(status, error.Status);
        }
    }

    [Fact]
    public void TryDecode_AtAnOffset_ValidatesFromThere()
    {
        var buffer = new byte[1024];
        int length = NestedMessageWriter.Write(buffer, 100);

        Assert.Equal(SbeDecodeStatus.Ok, NestedDecoder.TryDecode(buffer.AsSpan(0, 100 + length), 100, out NestedDecoder d, out _));
        Assert.Equal(0xABCDEFUL, d.Id);
        Assert.Equal(SbeErrorReason.OffsetOutOfRange, Error(buffer, -1).Reason);
        Assert.Equal(SbeErrorReason.OffsetOutOfRange, Error(buffer, buffer.Length + 1).Reason);
        Assert.Equal(SbeErrorReason.HeaderTruncated, Error(buffer, buffer.Length - 3).Reason);
    }

    [Fact]
    public void TryDecode_WrongTemplateId_IsRejectedAtTheTemplateId()
    {
        byte[] message = Message();

        Assert.Equal(SbeDecodeStatus.Rejected, QuoteDecoder.TryDecode(message, 0, out _, out SbeError error));
        Assert.Equal(SbeErrorReason.WrongTemplateId, error.Reason);
        Assert.Equal(2, error.Offset);
    }

    [Fact]
    public void TryDecode_WrongSchemaId_IsRejectedAtTheSchemaId()
    {
        var buffer = new byte[64];
        Llt.Tests.Evolution.V1.BasketEncoder.WrapAndApplyHeader(buffer, 0);

        Assert.Equal(SbeDecodeStatus.Rejected, OffsetsDecoder.TryDecode(buffer, 0, out _, out SbeError error));
        Assert.Equal(SbeErrorReason.WrongSchemaId, error.Reason);
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void TryDecode_BlockLengthTooSmall_IsRejected()
    {
        byte[] message = Message();
        BinaryPrimitives.WriteUInt16LittleEndian(message, NestedDecoder.BlockLength - 1);

        SbeError error = Error(message, 0);

        Assert.Equal(SbeErrorReason.BlockLengthTooSmall, error.Reason);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void TryDecode_GroupBlockLengthTooSmall_IsRejected()
    {
        byte[] message = Message();
        message[OuterDimension] = 3;

        SbeError error = Error(message, 0);

        Assert.Equal(SbeErrorReason.GroupBlockLengthTooSmall, error.Reason);
        Assert.Equal(OuterDimension, error.Offset);
    }

    [Fact]
    public void TryDecode_GroupCountAboveTheDimensionMax_IsRejected()
    {
        byte[] message = Message();
        message[OuterDimension + 1] = 255;

        SbeError error = Error(message, 0);

        Assert.Equal(SbeErrorReason.GroupCountTooLarge, error.Reason);
        Assert.Equal(SbeDecodeStatus.Rejected, error.Status);
        Assert.Equal(OuterDimension + 1, error.Offset);
    }

    [Fact]
    public void TryDecode_GroupCountBeyondTheBuffer_IsTruncated()
    {
        byte[] message = Message();
        message[OuterDimension + 1] = 250;

        SbeError error = Error(message, 0);

        Assert.Equal(SbeErrorReason.GroupTruncated, error.Reason);
        Assert.Equal(OuterDimension + 1, error.Offset);
    }

    [Fact]
    public void TryDecode_AbsurdNestedUInt32Count_IsRejected()
    {
        byte[] message = Message();
        int innerDimension = OuterDimension + 2 + 4 + 4 + 2;
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(innerDimension + 2), uint.MaxValue);

        SbeError error = Error(message, 0);

        Assert.Equal(SbeErrorReason.GroupCountTooLarge, error.Reason);
        Assert.Equal(innerDimension + 2, error.Offset);
    }

    [Fact]
    public void TryDecode_VarDataLengthPastTheEnd_IsReportedAtItsPrefix()
    {
        byte[] message = Message();
        int tag32 = message.Length - 4 - "thirty-two ✓"u8.Length;
        Assert.Equal((uint)"thirty-two ✓"u8.Length, BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(tag32)));

        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(tag32), uint.MaxValue);
        SbeError error = Error(message, 0);

        Assert.Equal(SbeErrorReason.VarDataTruncated, error.Reason);
        Assert.Equal(tag32, error.Offset);
    }

    [Fact]
    public void Decode_InvalidMessage_ThrowsSbeDecodeExceptionWithTheError()
    {
        byte[] message = Message();

        SbeDecodeException ex = Assert.Throws<SbeDecodeException>(() => NestedDecoder.Decode(message.AsSpan(0, 12), 0));

        Assert.Equal(SbeErrorReason.BlockTruncated, ex.Error.Reason);
        Assert.Equal(8, ex.Error.Offset);
    }

    [Fact]
    public void TryDecode_CorruptedBytes_NeverThrowsAndAcceptedMessagesReadInBounds()
    {
        byte[] message = Message();
        Gen.Select(Gen.Int[0, message.Length - 1], Gen.Byte).Array[1, 6].Sample(corruptions =>
        {
            byte[] copy = (byte[])message.Clone();
            foreach ((int at, byte value) in corruptions)
            {
                copy[at] = value;
            }

            AssertDecodesSafely(copy);
        }, iter: 3000);
    }

    [Fact]
    public void TryDecode_RandomBytesAfterAValidHeader_NeverThrowsAndAcceptedMessagesReadInBounds()
    {
        byte[] header = Message()[..NestedDecoder.HeaderLength];
        Gen.Byte.Array[0, 120].Sample(tail => AssertDecodesSafely([.. header, .. tail]), iter: 3000);
    }

    private static void AssertDecodesSafely(byte[] bytes)
    {
        SbeDecodeStatus status = NestedDecoder.TryDecode(bytes, 0, out NestedDecoder d, out SbeError error);
        if (status == SbeDecodeStatus.Ok)
        {
            NestedMessageWriter.ReadAll(ref d);
            Assert.InRange(d.Limit, 0, bytes.Length);
            _ = d.ToString();
        }
        else
        {
            Assert.NotEqual(SbeErrorReason.None, error.Reason);
            Assert.InRange(error.Offset, 0, bytes.Length);
        }
    }

    private static SbeError Error(byte[] buffer, int offset)
    {
        Assert.NotEqual(SbeDecodeStatus.Ok, NestedDecoder.TryDecode(buffer, offset, out _, out SbeError error));
        return error;
    }

    private static byte[] Message()
    {
        var buffer = new byte[1024];
        int length = NestedMessageWriter.Write(buffer);
        return buffer[..length];
    }
}
