using System.Net;
using System.Net.Sockets;

namespace NewsReader.Core.Fetching;

/// <summary>
/// Which addresses a fetch may connect to: public unicast only. Loopback, private, shared
/// (CGNAT), link-local, multicast, reserved and unspecified ranges would let a pasted URL
/// reach the server itself or its network (SSRF).
/// </summary>
public static class AddressGuard
{
    /// <summary>Why <paramref name="address"/> is refused, or null when it is a public address.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => "an unspecified address",
                10 => "a private address",
                100 when b[1] >= 64 && b[1] < 128 => "a private (shared) address",
                169 when b[1] == 254 => "a link-local address",
                172 when b[1] >= 16 && b[1] < 32 => "a private address",
                192 when b[1] == 168 => "a private address",
                192 when b[1] == 0 && b[2] == 0 => "a reserved address",
                198 when b[1] is 18 or 19 => "a reserved address",
                >= 224 and < 240 => "a multicast address",
                >= 240 => "a reserved address",
                _ => null,
            };
        }
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "an unspecified address";
        }
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "a link-local address";
        }
        if (address.IsIPv6UniqueLocal)
        {
            return "a private address";
        }
        if (address.IsIPv6Multicast)
        {
            return "a multicast address";
        }
        return null;
    }
}
