using Llt.Tests.Features;

namespace Llt.Codecs.Tests.Codecs;

/// <summary>Writes and fully reads the Nested message (groups three deep, var data at every level) for several tests.</summary>
internal static class NestedMessageWriter
{
    /// <summary>Encodes a Nested message with 2 outer x 2 middle x (entry-dependent) inner entries; returns its length.</summary>
    public static int Write(Span<byte> buffer, int offset = 0)
    {
        var e = NestedEncoder.WrapAndApplyHeader(buffer, offset);
        e.Id = 0xABCDEF;
        var outer = e.OuterCount(2);
        for (int o = 0; o < 2; o++)
        {
            outer.Next();
            outer.X = 100 + o;
            var middle = outer.MiddleCount(2);
            for (int m = 0; m < 2; m++)
            {
                middle.Next();
                middle.Y = (short)(10 * o + m);
                var inner = middle.InnerCount(o + m + 1);
                for (int i = 0; i < o + m + 1; i++)
                {
                    inner.Next();
                    inner.Z = (1000L * o) + (100 * m) + i;
                    inner.SetInnerNote("n" + o + m + i);
                }

                middle.SetMiddleNote(new byte[] { (byte)o, (byte)m });
            }

            outer.SetOuterNote(o == 0 ? "héllo" : "wörld");
        }

        e.EmptyCount(0);
        e.SetTag8(new byte[] { 1, 2, 3 });
        e.SetTag16("sixteen");
        e.SetTag32("thirty-two ✓");
        return NestedEncoder.HeaderLength + e.EncodedLength;
    }

    /// <summary>Reads every value in schema order and returns a digest of them, so readers cannot be skipped.</summary>
    public static long ReadAll(ref NestedDecoder d)
    {
        long digest = (long)d.Id;
        foreach (var outer in d.Outer())
        {
            digest = (digest * 31) + outer.X;
            var middle = outer.Middle();
            while (middle.HasNext)
            {
                middle.Next();
                digest = (digest * 31) + middle.Y;
                foreach (var inner in middle.Inner())
                {
                    digest = (digest * 31) + inner.Z;
                    digest = (digest * 31) + inner.GetInnerNote().Length;
                }

                digest = (digest * 31) + middle.GetMiddleNote().Length;
            }

            digest = (digest * 31) + outer.GetOuterNote().Length;
        }

        digest = (digest * 31) + d.Empty().Count;
        digest = (digest * 31) + d.GetTag8().Length;
        digest = (digest * 31) + d.GetTag16().Length;
        digest = (digest * 31) + d.GetTag32().Length;
        return digest;
    }
}
