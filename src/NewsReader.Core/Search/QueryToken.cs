namespace NewsReader.Core.Search;

/// <summary>One piece of a query as the lexer read it, before any meaning is checked.</summary>
internal abstract record QueryToken;

/// <summary>A word or quoted phrase; <c>-</c> before it excludes it, <c>*</c> after it makes it a prefix.</summary>
internal sealed record TextToken(string Text, bool Excluded, bool Prefix, bool Quoted) : QueryToken;

/// <summary>The upper-case word OR between two words.</summary>
internal sealed record OrToken : QueryToken
{
    public static OrToken Instance { get; } = new();
}

/// <summary>A <c>key:value</c> pair whose key is a known filter, key in lower case.</summary>
internal sealed record FilterToken(string Key, string Value, bool Excluded, string Typed) : QueryToken;
