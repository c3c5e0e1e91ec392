using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace NewsReader.Core.Fetching;

/// <summary>
/// Which addresses a fetch may connect to: globally routable unicast only, and never this
/// host's own. Everything in the IANA special-purpose registries (loopback, private, shared,
/// link-local, documentation, benchmarking, multicast, reserved, and the IPv6 forms that carry
/// an IPv4 address: mapped, compatible, NAT64, 6to4, Teredo) would let a pasted URL reach the
/// server itself or its network (SSRF), so each is refused with a reason a reader can read.
/// </summary>
public static class AddressGuard
{
    private sealed record Range(IPAddress Network, int PrefixLength, string Reason);

    // IANA IPv4 Special-Purpose Address Registry, with the reason shown to the reader.
    private static readonly Range[] V4 =
    [
        new(IPAddress.Parse("0.0.0.0"), 8, "an unspecified address"),
        new(IPAddress.Parse("10.0.0.0"), 8, "a private address"),
        new(IPAddress.Parse("100.64.0.0"), 10, "a private (shared) address"),
        new(IPAddress.Parse("127.0.0.0"), 8, "a loopback address"),
        new(IPAddress.Parse("169.254.0.0"), 16, "a link-local address"),
        new(IPAddress.Parse("172.16.0.0"), 12, "a private address"),
        new(IPAddress.Parse("192.0.0.0"), 24, "a reserved address"),
        new(IPAddress.Parse("192.0.2.0"), 24, "a documentation address"),
        new(IPAddress.Parse("192.31.196.0"), 24, "a reserved address"),
        new(IPAddress.Parse("192.52.193.0"), 24, "a reserved address"),
        new(IPAddress.Parse("192.88.99.0"), 24, "a reserved address"),
        new(IPAddress.Parse("192.168.0.0"), 16, "a private address"),
        new(IPAddress.Parse("192.175.48.0"), 24, "a reserved address"),
        new(IPAddress.Parse("198.18.0.0"), 15, "a benchmarking address"),
        new(IPAddress.Parse("198.51.100.0"), 24, "a documentation address"),
        new(IPAddress.Parse("203.0.113.0"), 24, "a documentation address"),
        new(IPAddress.Parse("224.0.0.0"), 4, "a multicast address"),
        new(IPAddress.Parse("240.0.0.0"), 4, "a reserved address"),
    ];

    // Inside global unicast (2000::/3), the IANA IPv6 special-purpose blocks. Everything
    // outside 2000::/3 is refused before these are read.
    private static readonly Range[] V6 =
    [
        new(IPAddress.Parse("2001::"), 23, "a reserved address (Teredo, benchmarking and other protocol assignments)"),
        new(IPAddress.Parse("2001:db8::"), 32, "a documentation address"),
        new(IPAddress.Parse("2002::"), 16, "a 6to4 address"),
        new(IPAddress.Parse("3fff::"), 20, "a documentation address"),
    ];

    private static readonly Range GlobalUnicast = new(IPAddress.Parse("2000::"), 3, "");

    /// <summary>Why <paramref name="address"/> is refused, or null when it is a public address of another host.</summary>
    public static string? Refusal(IPAddress address) =>
        RangeRefusal(address) ?? (IsThisHost(address) ? "this server's own address" : null);

    /// <summary>Why the address's range is refused, or null for globally routable unicast; pure.</summary>
    public static string? RangeRefusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address.Equals(IPAddress.Broadcast) ? "a broadcast address" : V4.FirstOrDefault(r => Contains(r, address))?.Reason;
        }
        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "a loopback address";
        }
        if (!Contains(GlobalUnicast, address))
        {
            return address switch
            {
                _ when address.Equals(IPAddress.IPv6Any) => "an unspecified address",
                { IsIPv6Multicast: true } => "a multicast address",
                { IsIPv6LinkLocal: true } or { IsIPv6SiteLocal: true } => "a link-local address",
                { IsIPv6UniqueLocal: true } => "a private address",
                _ when address.GetAddressBytes()[0] == 0 && address.GetAddressBytes()[1] == 0x64 => "a NAT64 address",
                _ when address.GetAddressBytes().Take(12).All(b => b == 0) => "an IPv4-compatible address",
                _ => "a reserved address",
            };
        }
        return V6.FirstOrDefault(r => Contains(r, address))?.Reason;
    }

    private static bool Contains(Range range, IPAddress address)
    {
        if (range.Network.AddressFamily != address.AddressFamily)
        {
            return false;
        }
        var network = range.Network.GetAddressBytes();
        var bytes = address.GetAddressBytes();
        var bits = range.PrefixLength;
        for (var i = 0; bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : 0xFF << (8 - bits) & 0xFF;
            if ((network[i] & mask) != (bytes[i] & mask))
            {
                return false;
            }
        }
        return true;
    }

    // A public address of the server itself (a listener bound to all interfaces) is as
    // reachable as loopback; the interface list is read again after a minute.
    private static (DateTime Read, HashSet<IPAddress> Addresses) hostAddresses = (DateTime.MinValue, []);

    private static bool IsThisHost(IPAddress address)
    {
        var known = hostAddresses;
        if (DateTime.UtcNow - known.Read > TimeSpan.FromMinutes(1))
        {
            HashSet<IPAddress> addresses = [];
            try
            {
                foreach (var unicast in NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses))
                {
                    addresses.Add(unicast.Address.IsIPv4MappedToIPv6 ? unicast.Address.MapToIPv4() : unicast.Address);
                }
            }
            catch (NetworkInformationException)
            {
                // No interface list on this platform: the range checks still hold.
            }
            hostAddresses = known = (DateTime.UtcNow, addresses);
        }
        return known.Addresses.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }
}
