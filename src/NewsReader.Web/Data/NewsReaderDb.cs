using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Accounts;

namespace NewsReader.Web.Data;

/// <summary>The one database of NewsReader, accounts included: an embedded SQLite file.</summary>
public sealed class NewsReaderDb(DbContextOptions<NewsReaderDb> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

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

        modelBuilder.Entity<Article>(article =>
        {
            article.HasIndex(a => a.Slug).IsUnique();
            article.HasIndex(a => a.SourceKey).IsUnique();
            article.HasIndex(a => a.CreatedAt);
            article.HasMany(a => a.Revisions).WithOne(r => r.Article).HasForeignKey(r => r.ArticleId);
        });

        modelBuilder.Entity<ArticleRevision>(revision =>
        {
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.HasIndex(r => r.ContentHash);
            revision.HasMany(r => r.Blocks).WithOne().HasForeignKey(b => b.RevisionId);
        });

        modelBuilder.Entity<RevisionBlock>(block =>
        {
            block.HasIndex(b => new { b.RevisionId, b.Ordinal }).IsUnique();
            block.Property(b => b.Kind).HasConversion<string>().HasMaxLength(16);
        });
    }
}
