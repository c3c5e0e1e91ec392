using System.Net;

namespace NewsReader.Core.Tests.Fetching;

/// <summary>Which addresses the guard refuses, and how it names them; pure, so no app is started per case.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.20.0.1", "a private address")]
    [InlineData("192.168.1.10", "a private address")]
    [InlineData("100.64.0.1", "a private (shared) address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00::1", "a private address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("93.184.216.34", null)]
    [InlineData("172.32.0.1", null)]
    [InlineData("2606:4700::1111", null)]
    public void Address_ranges(string address, string? refusal) =>
        Assert.Equal(refusal, AddressGuard.Refusal(IPAddress.Parse(address)));
}
