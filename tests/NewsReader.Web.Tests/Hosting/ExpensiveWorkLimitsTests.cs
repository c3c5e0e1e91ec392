using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace NewsReader.Web.Tests.Hosting;

/// <summary>The pools of expensive work: one per kind, each fair between readers. No app and no clock: slots are held and given back by hand.</summary>
public sealed class ExpensiveWorkLimitsTests
{
    private static ExpensiveWorkLimits Limits(int perReader, int total) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ExpensiveWorkLimits.PerClientKey] = perReader.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ExpensiveWorkLimits.TotalKey] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        .Build());

    [Fact]
    public void A_reader_at_their_limit_is_told_to_wait_while_another_reader_still_gets_a_slot()
    {
        var limits = Limits(perReader: 2, total: 4);
        var first = limits.TryEnter(ExpensiveKind.Searching, "user:alice");
        var second = limits.TryEnter(ExpensiveKind.Searching, "user:alice");

        var third = limits.TryEnter(ExpensiveKind.Searching, "user:alice");
        var bob = limits.TryEnter(ExpensiveKind.Searching, "user:bob");

        Assert.NotNull(first.Slot);
        Assert.NotNull(second.Slot);
        Assert.Equal((null, StatusCodes.Status429TooManyRequests), (third.Slot, third.Status));
        Assert.NotNull(bob.Slot);
    }

    [Fact]
    public void A_full_pool_of_one_kind_leaves_every_other_kind_its_own()
    {
        var limits = Limits(perReader: 1, total: 2);
        Assert.NotNull(limits.TryEnter(ExpensiveKind.Searching, "address:10.0.0.1").Slot);
        Assert.NotNull(limits.TryEnter(ExpensiveKind.Searching, "address:10.0.0.2").Slot);

        var thirdSearch = limits.TryEnter(ExpensiveKind.Searching, "address:10.0.0.3");

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, thirdSearch.Status);
        foreach (var kind in new[] { ExpensiveKind.Fetching, ExpensiveKind.Importing, ExpensiveKind.Diffing })
        {
            Assert.NotNull(limits.TryEnter(kind, "address:10.0.0.3").Slot);
        }
    }

    [Fact]
    public void A_slot_given_back_is_free_again_and_giving_it_back_twice_frees_nothing_more()
    {
        var limits = Limits(perReader: 1, total: 1);
        var held = limits.TryEnter(ExpensiveKind.Diffing, "user:alice").Slot!;
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, limits.TryEnter(ExpensiveKind.Diffing, "user:bob").Status);

        held.Dispose();
        held.Dispose();
        var bob = limits.TryEnter(ExpensiveKind.Diffing, "user:bob");

        Assert.NotNull(bob.Slot);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, limits.TryEnter(ExpensiveKind.Diffing, "user:carol").Status);
    }
}
