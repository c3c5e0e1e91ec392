using Microsoft.Extensions.Options;

namespace NewsReader.Web.Tests.Moving;

/// <summary>The politeness rule on a clock the test moves: one host's fetches a delay apart, other hosts untouched.</summary>
public sealed class HostPacerTests
{
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now;
    }

    private static (HostPacer Pacer, ManualClock Clock) Pacer(int delayMilliseconds)
    {
        var clock = new ManualClock();
        return (new HostPacer(Options.Create(new ImportOptions { HostDelayMilliseconds = delayMilliseconds }), clock), clock);
    }

    [Fact]
    public void Fetches_from_one_host_queue_a_delay_apart_and_other_hosts_do_not_wait()
    {
        var (pacer, clock) = Pacer(1000);

        Assert.Equal(TimeSpan.Zero, pacer.Reserve("http://127.0.0.1:5000/a"));
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("http://127.0.0.1:5000/b"));
        Assert.Equal(TimeSpan.FromSeconds(2), pacer.Reserve("http://127.0.0.1:5000/c?x=1"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("http://127.0.0.1:5001/a"));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("https://127.0.0.1:5000/a"));

        clock.Advance(TimeSpan.FromMilliseconds(2500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), pacer.Reserve("http://127.0.0.1:5000/d"));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("HTTP://127.0.0.1:5000/e"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void No_delay_configured_means_no_wait(int delayMilliseconds)
    {
        var (pacer, _) = Pacer(delayMilliseconds);

        Assert.All(Enumerable.Range(0, 5), i => Assert.Equal(TimeSpan.Zero, pacer.Reserve($"http://127.0.0.1:5000/{i}")));
    }

    [Fact]
    public void An_address_that_is_not_absolute_is_not_paced() =>
        Assert.Null(Pacer(1000).Pacer.Reserve("no address at all"));
}
