using NewsReader.Core.Feeds;

namespace NewsReader.Core.Tests.Feeds;

public class FeedDiscoveryTests
{
    private static readonly Uri Page = new("https://news.example/section/story.html");

    [Theory]
    [InlineData("""<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">""", "https://news.example/feed.xml")]
    [InlineData("""<link rel="alternate" type="application/atom+xml" href="atom.xml">""", "https://news.example/section/atom.xml")]
    [InlineData("""<link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json">""", "https://cdn.example/feed.json")]
    [InlineData("""<link rel="Alternate home" type="APPLICATION/RSS+XML; charset=utf-8" href="//news.example/rss">""", "https://news.example/rss")]
    [InlineData("""<base href="https://base.example/"><link rel="alternate" type="application/rss+xml" href="feed">""", "https://base.example/feed")]
    [InlineData("""<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments.xml"><link rel="alternate" type="application/rss+xml" title="Posts" href="/posts.xml">""", "https://news.example/posts.xml")]
    public void The_first_announced_feed_is_found_and_resolved(string head, string expected) =>
        Assert.Equal(new Uri(expected), FeedDiscovery.Find($"<!DOCTYPE html><html><head>{head}</head><body></body></html>", Page).First());

    [Theory]
    [InlineData("""<link rel="stylesheet" type="text/css" href="/site.css">""")]
    [InlineData("""<link rel="alternate" hreflang="fr" href="/fr/story.html">""")]
    [InlineData("""<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">""")]
    [InlineData("""<a rel="alternate" type="application/rss+xml" href="/feed.xml">a link in the body is no announcement</a>""")]
    public void Near_misses_announce_no_feed(string head) =>
        Assert.Empty(FeedDiscovery.Find($"<!DOCTYPE html><html><head>{head}</head><body></body></html>", Page));
}
