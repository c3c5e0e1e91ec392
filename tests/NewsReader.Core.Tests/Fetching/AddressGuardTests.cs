using System.Net;
using System.Net.NetworkInformation;

namespace NewsReader.Core.Tests.Fetching;

/// <summary>Which addresses the guard refuses, and how it names them; pure, so no app is started per case.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.255.0.9", "a loopback address")]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.20.0.1", "a private address")]
    [InlineData("192.168.1.10", "a private address")]
    [InlineData("100.64.0.1", "a private (shared) address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("255.255.255.255", "a broadcast address")]
    [InlineData("192.0.0.8", "a reserved address")]
    [InlineData("192.0.2.1", "a documentation address")]
    [InlineData("198.51.100.7", "a documentation address")]
    [InlineData("203.0.113.200", "a documentation address")]
    [InlineData("198.18.0.1", "a benchmarking address")]
    [InlineData("198.19.255.255", "a benchmarking address")]
    [InlineData("250.1.1.1", "a reserved address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    [InlineData("::ffff:192.0.2.1", "a documentation address")]
    [InlineData("::127.0.0.1", "an IPv4-compatible address")]
    [InlineData("64:ff9b::7f00:1", "a NAT64 address")]
    [InlineData("2002:7f00:1::1", "a 6to4 address")]
    [InlineData("2001:0:4136:e378::1", "a reserved address (Teredo, benchmarking and other protocol assignments)")]
    [InlineData("2001:db8::1", "a documentation address")]
    [InlineData("3fff::1", "a documentation address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00::1", "a private address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("100::1", "a reserved address")]
    // Near misses: public unicast just beside a refused block.
    [InlineData("93.184.216.34", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("100.128.0.1", null)]
    [InlineData("198.20.0.1", null)]
    [InlineData("203.0.114.1", null)]
    [InlineData("192.0.3.1", null)]
    [InlineData("2606:4700::1111", null)]
    [InlineData("2001:4860:4860::8888", null)]
    [InlineData("::ffff:93.184.216.34", null)]
    public void Address_ranges(string address, string? refusal) =>
        Assert.Equal(refusal, AddressGuard.RangeRefusal(IPAddress.Parse(address)));

    [Fact]
    public void Every_address_of_this_host_is_refused()
    {
        var own = NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, address => Assert.NotNull(AddressGuard.Refusal(address)));
    }
}
