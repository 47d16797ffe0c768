using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Llt.Hotpath.Feeds.Capture;

/// <summary>
/// Peels link layer, IPv4 and UDP headers off one captured frame. Lengths come from the IP and UDP headers, never
/// from the captured length, so Ethernet minimum-size padding and trailing FCS bytes never leak into the payload.
/// </summary>
public static class UdpFrameDecoder
{
    private const uint AddressFamilyInet = 2;
    private const uint AddressFamilyInetSwapped = 0x02000000;

    public static FrameDecodeResult Decode(int linkType, ReadOnlySpan<byte> frame, long timestampNs, int interfaceId, out UdpDatagram datagram)
    {
        datagram = default;
        FrameDecodeResult result = FindIpv4(linkType, frame, out int ipOffset);
        if (result != FrameDecodeResult.Udp)
        {
            return result;
        }

        ReadOnlySpan<byte> ip = frame.Slice(ipOffset);
        if (ip.Length < Ipv4Descriptor.MinHeaderLength)
        {
            return FrameDecodeResult.Incomplete;
        }

        int versionIhl = ip[Ipv4Descriptor.VersionIhlOffset];
        if (versionIhl >> 4 != Ipv4Descriptor.Version)
        {
            return FrameDecodeResult.NotUdp;
        }

        int headerLength = (versionIhl & 0x0F) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(Ipv4Descriptor.TotalLengthOffset));
        if (headerLength < Ipv4Descriptor.MinHeaderLength || totalLength < headerLength)
        {
            return FrameDecodeResult.Malformed;
        }

        if (ip[Ipv4Descriptor.ProtocolOffset] != Ipv4Descriptor.ProtocolUdp)
        {
            return FrameDecodeResult.NotUdp;
        }

        ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(ip.Slice(Ipv4Descriptor.FlagsFragmentOffset));
        if ((fragment & (Ipv4Descriptor.MoreFragmentsFlag | Ipv4Descriptor.FragmentOffsetMask)) != 0)
        {
            return FrameDecodeResult.Fragment;
        }

        if (totalLength > ip.Length)
        {
            return FrameDecodeResult.Incomplete;
        }

        ReadOnlySpan<byte> udp = ip.Slice(headerLength, totalLength - headerLength);
        if (udp.Length < UdpDescriptor.HeaderLength)
        {
            return FrameDecodeResult.Malformed;
        }

        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp.Slice(UdpDescriptor.LengthOffset));
        if (udpLength < UdpDescriptor.HeaderLength || udpLength > udp.Length)
        {
            return FrameDecodeResult.Malformed;
        }

        datagram = new UdpDatagram(
            timestampNs,
            interfaceId,
            BinaryPrimitives.ReadUInt32BigEndian(ip.Slice(Ipv4Descriptor.SourceAddressOffset)),
            BinaryPrimitives.ReadUInt32BigEndian(ip.Slice(Ipv4Descriptor.DestinationAddressOffset)),
            BinaryPrimitives.ReadUInt16BigEndian(udp.Slice(UdpDescriptor.SourcePortOffset)),
            BinaryPrimitives.ReadUInt16BigEndian(udp.Slice(UdpDescriptor.DestinationPortOffset)),
            udp.Slice(UdpDescriptor.HeaderLength, udpLength - UdpDescriptor.HeaderLength));
        return FrameDecodeResult.Udp;
    }

    /// <summary>Offset of the IPv4 header in the frame, or why there is none.</summary>
    private static FrameDecodeResult FindIpv4(int linkType, ReadOnlySpan<byte> frame, out int ipOffset)
    {
        ipOffset = 0;
        switch (linkType)
        {
            case CaptureLinkType.Ethernet:
                return FindIpv4InEthernet(frame, out ipOffset);
            case CaptureLinkType.Raw:
            case CaptureLinkType.RawAlternate12:
            case CaptureLinkType.RawAlternate14:
            case CaptureLinkType.Ipv4:
                // version nibble is checked by the caller: raw links may carry IPv6
                return FrameDecodeResult.Udp;
            case CaptureLinkType.LinuxSll:
                ipOffset = LinuxCookedDescriptor.SllHeaderLength;
                return EtherTypeAt(frame, LinuxCookedDescriptor.SllProtocolOffset, LinuxCookedDescriptor.SllHeaderLength);
            case CaptureLinkType.LinuxSll2:
                ipOffset = LinuxCookedDescriptor.Sll2HeaderLength;
                return EtherTypeAt(frame, LinuxCookedDescriptor.Sll2ProtocolOffset, LinuxCookedDescriptor.Sll2HeaderLength);
            case CaptureLinkType.Null:
                ipOffset = sizeof(uint);
                if (frame.Length < sizeof(uint))
                {
                    return FrameDecodeResult.Incomplete;
                }

                // the family is in the byte order of the host that captured, which the file does not record
                uint family = BinaryPrimitives.ReadUInt32LittleEndian(frame);
                return family is AddressFamilyInet or AddressFamilyInetSwapped ? FrameDecodeResult.Udp : FrameDecodeResult.NotUdp;
            default:
                return FrameDecodeResult.UnsupportedLinkType;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FrameDecodeResult EtherTypeAt(ReadOnlySpan<byte> frame, int offset, int headerLength)
    {
        if (frame.Length < headerLength)
        {
            return FrameDecodeResult.Incomplete;
        }

        return BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(offset)) == EthernetDescriptor.EtherTypeIpv4
            ? FrameDecodeResult.Udp
            : FrameDecodeResult.NotUdp;
    }

    private static FrameDecodeResult FindIpv4InEthernet(ReadOnlySpan<byte> frame, out int ipOffset)
    {
        ipOffset = EthernetDescriptor.HeaderLength;
        int typeOffset = EthernetDescriptor.EtherTypeOffset;
        for (int tags = 0; tags <= EthernetDescriptor.MaxVlanTags; tags++)
        {
            if (frame.Length < typeOffset + sizeof(ushort))
            {
                return FrameDecodeResult.Incomplete;
            }

            ushort etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.Slice(typeOffset));
            if (etherType == EthernetDescriptor.EtherTypeIpv4)
            {
                ipOffset = typeOffset + sizeof(ushort);
                return FrameDecodeResult.Udp;
            }

            if (etherType is not (EthernetDescriptor.EtherTypeVlan or EthernetDescriptor.EtherTypeQinQ or EthernetDescriptor.EtherTypeQinQLegacy))
            {
                return FrameDecodeResult.NotUdp;
            }

            // the tag's TCI sits where the ethertype was expected; the real ethertype follows it
            typeOffset += EthernetDescriptor.VlanTagLength;
        }

        return FrameDecodeResult.Malformed;
    }
}
