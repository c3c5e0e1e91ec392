using System.Globalization;
using System.Text;

namespace NewsReader.Web.Search;

/// <summary>
/// The reader's filters (<c>tag:</c>, <c>color:</c>, <c>article:</c>, <c>site:</c>, <c>has:note</c>,
/// <c>is:orphan</c>, <c>is:public</c>, <c>before:</c>, <c>after:</c>) as SQL both engines run:
/// double-quoted identifiers and <c>@name</c> parameters read the same in SQLite and PostgreSQL.
/// Only fixed fragments are appended; every value is a bound parameter.
/// </summary>
internal static class SearchFilters
{
    /// <summary>What differs between the engines in a filter: how a text compares ignoring case, and how a day is stored.</summary>
    internal sealed record Dialect(string IgnoreCase, Func<DateOnly, object> Day)
    {
        // SQLite's SiteName and tag Name columns have NOCASE collation, but a correlated
        // sub-select loses it, so the comparison says so; Created is ISO text, so a day
        // compares as a prefix.
        public static readonly Dialect Sqlite = new(" COLLATE NOCASE", day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // PostgreSQL's columns carry the case-insensitive collation; Created is timestamptz.
        public static readonly Dialect Postgres = new("", day => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    /// <summary>
    /// The library filter of the annotation half: the reader's own annotations, and public ones on
    /// articles (<c>ar</c>) in their library (<c>@user</c>, NULL for a visitor).
    /// </summary>
    public static readonly string AnnotationAccess =
        $"(a.\"OwnerId\" = @user OR (a.\"Visibility\" = 'Public' AND {ReaderLibrary.SqlCondition}))";

    /// <summary>The library filter of the article half: only articles (<c>ar</c>) in the reader's library (<c>@user</c>).</summary>
    public static readonly string ArticleAccess = $"({ReaderLibrary.SqlCondition})";

    /// <summary>
    /// Filters on annotations (alias <c>a</c>) and their articles (<c>ar</c>). The site is the
    /// current revision's.
    /// </summary>
    public static void AppendAnnotationFilters(SearchQuery query, StringBuilder where, List<KeyValuePair<string, object>> parameters, Dialect dialect)
    {
        for (var i = 0; i < query.Tags.Count; i++)
        {
            // Name has its own index, so the tag's rows are found first.
            where.Append(CultureInfo.InvariantCulture, $" AND a.\"Id\" IN (SELECT t.\"AnnotationId\" FROM \"AnnotationTags\" t WHERE t.\"Name\" = @tag{i})");
            parameters.Add(new($"tag{i}", query.Tags[i]));
        }
        if (query.Color is not null)
        {
            where.Append(" AND a.\"Color\" = @color");
            parameters.Add(new("color", query.Color));
        }
        AppendArticle(query, where, parameters);
        if (query.Site is not null)
        {
            where.Append($" AND (SELECT r.\"SiteName\" FROM \"ArticleRevisions\" r WHERE r.\"ArticleId\" = ar.\"Id\" ORDER BY r.\"Number\" DESC LIMIT 1) = @site{dialect.IgnoreCase}");
            parameters.Add(new("site", query.Site));
        }
        if (query.HasNote)
        {
            where.Append(" AND a.\"Note\" IS NOT NULL");
        }
        if (query.IsOrphan)
        {
            where.Append(" AND a.\"AnchorStatus\" = 'Orphaned'");
        }
        if (query.IsPublic)
        {
            where.Append(" AND a.\"Visibility\" = 'Public'");
        }
        if (query.Before is { } before)
        {
            where.Append(" AND a.\"Created\" < @before");
            parameters.Add(new("before", dialect.Day(before)));
        }
        if (query.After is { } after)
        {
            where.Append(" AND a.\"Created\" >= @after");
            parameters.Add(new("after", dialect.Day(after)));
        }
    }

    /// <summary>Filters on article hits: the article (<c>ar</c>) and the matched revision's site (<c>r</c>).</summary>
    public static void AppendArticleFilters(SearchQuery query, StringBuilder where, List<KeyValuePair<string, object>> parameters, Dialect dialect)
    {
        AppendArticle(query, where, parameters);
        if (query.Site is not null)
        {
            where.Append($" AND r.\"SiteName\" = @site{dialect.IgnoreCase}");
            parameters.Add(new("site", query.Site));
        }
    }

    /// <summary>Filters only annotations have: with one of them, no article can match.</summary>
    public static bool HasAnnotationOnlyFilters(SearchQuery query) =>
        query.Tags.Count > 0 || query.Color is not null || query.HasNote || query.IsOrphan || query.IsPublic || query.Before is not null || query.After is not null;

    private static void AppendArticle(SearchQuery query, StringBuilder where, List<KeyValuePair<string, object>> parameters)
    {
        if (query.ArticleSlug is not null)
        {
            where.Append(" AND ar.\"Slug\" = @article");
            parameters.Add(new("article", query.ArticleSlug));
        }
    }
}
