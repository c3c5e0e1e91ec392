using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Data;

/// <summary>
/// The one database of NewsReader, accounts included: an embedded SQLite file, or a PostgreSQL
/// database several instances share. One model; where the engines differ (the case-insensitive
/// collation) it says so here, and each engine has its own migration set.
/// </summary>
public sealed class NewsReaderDb(DbContextOptions<NewsReaderDb> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Data Protection key ring, used on PostgreSQL (see AccountsSetup); empty on SQLite.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<SignInFailureCount> SignInFailureCounts => Set<SignInFailureCount>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<Annotation> Annotations => Set<Annotation>();
    public DbSet<AnnotationTag> AnnotationTags => Set<AnnotationTag>();
    public DbSet<DeletedAnnotation> DeletedAnnotations => Set<DeletedAnnotation>();
    public DbSet<ReadingState> ReadingStates => Set<ReadingState>();
    public DbSet<ReaderSettings> ReaderSettings => Set<ReaderSettings>();
    public DbSet<SourceFile> SourceFiles => Set<SourceFile>();
    public DbSet<Feed> Feeds => Set<Feed>();
    public DbSet<FeedItem> FeedItems => Set<FeedItem>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<LibraryEntry> LibraryEntries => Set<LibraryEntry>();
    public DbSet<LibraryTag> LibraryTags => Set<LibraryTag>();
    public DbSet<LibraryMember> LibraryMembers => Set<LibraryMember>();
    public DbSet<LibraryViewCount> LibraryViewCounts => Set<LibraryViewCount>();
    public DbSet<LibrarySiteCount> LibrarySiteCounts => Set<LibrarySiteCount>();
    public DbSet<FeedUnreadCount> FeedUnreadCounts => Set<FeedUnreadCount>();
    public DbSet<CountingBatchEntry> CountingBatches => Set<CountingBatchEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LibraryImportJob> LibraryImportJobs => Set<LibraryImportJob>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>The PostgreSQL collation that stands for SQLite's NOCASE.</summary>
    public const string PostgresNoCase = "nocase";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone; every DateTime NewsReader stores is UTC, so say so on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var postgres = DatabaseProviders.Of(Database) == DatabaseProvider.Postgres;
        if (postgres)
        {
            // SQLite's NOCASE, in ICU terms: equal when only case differs (strength 2).
            modelBuilder.HasCollation(PostgresNoCase, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        }
        var caseInsensitive = postgres ? PostgresNoCase : "NOCASE";

        modelBuilder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(NewsReader.Core.Accounts.DisplayNames.MaxLength);
            user.Property(u => u.NormalizedDisplayName).HasMaxLength(4 * NewsReader.Core.Accounts.DisplayNames.MaxLength);
            user.HasIndex(u => u.NormalizedDisplayName).IsUnique();
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.HasIndex(a => a.Slug).IsUnique();
            article.HasIndex(a => a.SourceKey).IsUnique();
            article.HasIndex(a => a.CreatedAt);
            // The list is a range of this index, both directions, one page at a time.
            article.HasIndex(a => new { a.ListedAt, a.Id });
            // Saving a URL first asks whether the library has it already.
            article.HasIndex(a => a.SourceUrl);
            // The shared collection (few articles) is part of every library the sidebar counts.
            article.HasIndex(a => a.Shared).HasFilter("\"Shared\"");
            article.HasMany(a => a.Revisions).WithOne(r => r.Article).HasForeignKey(r => r.ArticleId);
        });

        modelBuilder.Entity<ArticleRevision>(revision =>
        {
            revision.ToTable(t =>
            {
                t.HasTrigger("articles_fts_insert");
                t.HasTrigger("articles_fts_delete");
            });
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.HasIndex(r => r.ContentHash);
            revision.Property(r => r.Origin).HasMaxLength(8).HasDefaultValue(RevisionOrigins.File);
            // The list's site filter compares without case, through its own index.
            revision.Property(r => r.SiteName).HasMaxLength(200).UseCollation(caseInsensitive);
            revision.HasIndex(r => r.SiteName);
            // The current revision's site, for the library's sites, without reading the text it is stored behind.
            revision.HasIndex(r => new { r.ArticleId, r.Number, r.SiteName });
            revision.Property(r => r.Agency).HasMaxLength(100);
            revision.Property(r => r.Author).HasMaxLength(300);
            revision.Property(r => r.Language).HasMaxLength(35);
            revision.HasMany(r => r.Blocks).WithOne().HasForeignKey(b => b.RevisionId);
        });

        modelBuilder.Entity<Annotation>(annotation =>
        {
            // The search index's triggers (migration SearchIndex) keep annotations_fts in step.
            annotation.ToTable(t =>
            {
                t.HasTrigger("annotations_fts_insert");
                t.HasTrigger("annotations_fts_delete");
                t.HasTrigger("annotations_fts_update");
                if (!postgres)
                {
                    // The reader page's stamp (AnnotationChanges).
                    t.HasTrigger("annotation_changes_insert");
                    t.HasTrigger("annotation_changes_update");
                    t.HasTrigger("annotation_changes_delete");
                }
            });
            annotation.HasKey(a => a.Seq);
            annotation.HasAlternateKey(a => a.Id);
            annotation.HasIndex(a => new { a.ArticleId, a.OwnerId });
            if (postgres)
            {
                // The reader page's stamp on PostgreSQL (AnnotationChanges) reads this index alone,
                // not the wide rows; its first two columns find the article's public annotations.
                annotation.HasIndex(a => new { a.ArticleId, a.Visibility, a.Version, a.AnchoredRevision, a.Start, a.End, a.Seq });
            }
            else
            {
                // SQLite's stamp is a token per article; the page only looks up the article's public annotations.
                annotation.HasIndex(a => new { a.ArticleId, a.Visibility });
            }
            annotation.HasIndex(a => new { a.OwnerId, a.Created });
            annotation.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId);
            annotation.HasOne(a => a.Owner).WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
            annotation.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.AnnotationId).HasPrincipalKey(a => a.Id).OnDelete(DeleteBehavior.Cascade);
            annotation.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(16);
            annotation.Property(a => a.AnchorStatus).HasConversion<string>().HasMaxLength(16);
            annotation.Property(a => a.Color).HasMaxLength(16);
            annotation.Property(a => a.Version).IsConcurrencyToken();
            // Import asks "have I this one already?" per row.
            annotation.Property(a => a.ImportKey).HasMaxLength(64);
            annotation.Property(a => a.ImportedFrom).HasMaxLength(AnnotationImporter.MaxCreatorName);
            // Only imports set the key, so only their annotations take an entry.
            annotation.HasIndex(a => new { a.OwnerId, a.ImportKey }).HasFilter("\"ImportKey\" IS NOT NULL");
        });

        modelBuilder.Entity<DeletedAnnotation>(deleted =>
        {
            deleted.HasKey(d => d.Id);
            deleted.HasIndex(d => d.DeletedAt);
            deleted.HasOne<AppUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AnnotationTag>(tag =>
        {
            tag.HasIndex(t => new { t.AnnotationId, t.Name }).IsUnique();
            tag.HasIndex(t => t.Name);
            // Tags compare case-insensitively everywhere, so the index that serves tag: filters must too.
            tag.Property(t => t.Name).HasMaxLength(64).UseCollation(caseInsensitive);
        });

        modelBuilder.Entity<ReadingState>(state =>
        {
            state.HasKey(s => new { s.UserId, s.ArticleId });
            state.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            state.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ReaderSettings>(settings =>
        {
            settings.HasKey(s => s.UserId);
            settings.HasOne<AppUser>().WithOne().HasForeignKey<ReaderSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            settings.Property(s => s.FontSize).HasMaxLength(16);
            settings.Property(s => s.LineWidth).HasMaxLength(16);
            settings.Property(s => s.Typeface).HasMaxLength(16);
            settings.Property(s => s.Theme).HasMaxLength(16);
        });

        modelBuilder.Entity<SourceFile>(file =>
        {
            file.HasIndex(f => f.Path).IsUnique();
        });

        modelBuilder.Entity<Feed>(feed =>
        {
            feed.HasIndex(f => f.Url).IsUnique();
            feed.HasIndex(f => f.NextPollAt);
            feed.Property(f => f.Title).HasMaxLength(300);
            // Unsubscribing forgets the items; the articles they made stay.
            feed.HasMany(f => f.Items).WithOne().HasForeignKey(i => i.FeedId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Subscription>(subscription =>
        {
            subscription.HasKey(s => new { s.UserId, s.FeedId });
            subscription.HasIndex(s => s.FeedId);
            subscription.Property(s => s.Title).HasMaxLength(300);
            subscription.Property(s => s.Folder).HasMaxLength(100);
            subscription.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            subscription.HasOne<Feed>().WithMany().HasForeignKey(s => s.FeedId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LibraryImportJob>(job =>
        {
            job.Property(j => j.State).HasMaxLength(16);
            job.Property(j => j.Format).HasMaxLength(32);
            job.Property(j => j.FileHash).HasMaxLength(64);
            job.HasIndex(j => new { j.UserId, j.CreatedAt });
            job.HasIndex(j => new { j.State, j.CreatedAt });
            job.HasOne<AppUser>().WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LibraryEntry>(entry =>
        {
            entry.HasKey(e => new { e.UserId, e.ArticleId });
            entry.HasIndex(e => e.ArticleId);
            entry.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
            entry.HasOne<Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LibraryTag>(tag =>
        {
            // A reader's tags are always read for their own rows: the key leads with the reader and the article.
            tag.HasKey(t => new { t.UserId, t.ArticleId, t.Name });
            tag.Property(t => t.Name).HasMaxLength(64).UseCollation(caseInsensitive);
            tag.HasIndex(t => new { t.UserId, t.Name });
            tag.HasIndex(t => t.ArticleId);
            tag.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            tag.HasOne<Article>().WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        // The sidebar's counts, kept by triggers (Library/Counting/CountingTriggers) on these tables.
        foreach (var table in new[] { typeof(FeedItem), typeof(Subscription), typeof(Feed), typeof(Article), typeof(LibraryEntry), typeof(ReadingState),
                     typeof(Annotation), typeof(ArticleRevision), typeof(AppUser), typeof(LibraryMember) })
        {
            modelBuilder.Entity(table).ToTable(t => t.HasTrigger("library_counting"));
        }
        modelBuilder.Entity<LibraryMember>(member =>
        {
            member.HasKey(m => new { m.UserId, m.ArticleId });
            // A new revision or a feed item updates every reader's member of one article.
            member.HasIndex(m => m.ArticleId);
            member.Property(m => m.SiteName).HasMaxLength(200).UseCollation(caseInsensitive);
            member.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne<Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CountingBatchEntry>(entry =>
        {
            entry.ToTable("CountingBatches");
            entry.HasKey(e => new { e.UserId, e.ArticleId });
        });
        modelBuilder.Entity<LibraryViewCount>(count =>
        {
            count.HasKey(c => c.UserId);
            count.HasOne<AppUser>().WithOne().HasForeignKey<LibraryViewCount>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LibrarySiteCount>(count =>
        {
            count.HasKey(c => new { c.UserId, c.SiteName });
            count.Property(c => c.SiteName).HasMaxLength(200).UseCollation(caseInsensitive);
            count.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<FeedUnreadCount>(count =>
        {
            count.HasKey(c => new { c.UserId, c.FeedId });
            // A feed item changes the count of every follower of its feed.
            count.HasIndex(c => c.FeedId);
            count.HasOne<Subscription>().WithOne().HasForeignKey<FeedUnreadCount>(c => new { c.UserId, c.FeedId }).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<FeedItem>(item =>
        {
            item.HasIndex(i => new { i.FeedId, i.ItemKey }).IsUnique();
            // "Which feeds brought this article?" is asked by every library check.
            item.HasIndex(i => new { i.ArticleId, i.FeedId });
            // A feed's articles (its list, its unread count, a library's ids) from the index alone.
            item.HasIndex(i => new { i.FeedId, i.ArticleId });
            // A feed's failed items, for the feed list, without reading the others.
            item.HasIndex(i => new { i.FeedId, i.ErrorAt }).HasFilter("\"Error\" IS NOT NULL");
            item.HasOne<Article>().WithMany().HasForeignKey(i => i.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ApiToken>(token =>
        {
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Hint).HasMaxLength(16);
            token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.HasIndex(i => i.Hash).IsUnique();
            invitation.Property(i => i.Hash).HasMaxLength(64);
            invitation.Property(i => i.Email).HasMaxLength(256);
            invitation.HasOne<AppUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SignInAttempt>(attempt =>
        {
            attempt.HasKey(a => new { a.Account, a.Address });
            attempt.Property(a => a.Account).HasMaxLength(300);
            attempt.Property(a => a.Address).HasMaxLength(64);
            attempt.HasIndex(a => a.LastFailedAt);
        });

        modelBuilder.Entity<SignInFailureCount>(count =>
        {
            count.HasKey(c => c.Account);
            count.Property(c => c.Account).HasMaxLength(300);
        });

        modelBuilder.Entity<RevisionBlock>(block =>
        {
            block.HasIndex(b => new { b.RevisionId, b.Ordinal }).IsUnique();
            block.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        });
    }
}
