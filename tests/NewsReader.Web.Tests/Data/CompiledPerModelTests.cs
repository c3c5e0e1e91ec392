using Microsoft.EntityFrameworkCore;
using NewsReader.Web.Tests.Infrastructure;

namespace NewsReader.Web.Tests.Data;

/// <summary>
/// EF Core binds a compiled query to the first model it runs with; the SQLite and the PostgreSQL
/// model can live in one process (the copy between them), so each model gets its own.
/// </summary>
public sealed class CompiledPerModelTests
{
    [Fact]
    public void Each_model_gets_its_own_compiled_query_and_keeps_it()
    {
        var compiled = 0;
        var query = new CompiledPerModel<Func<NewsReaderDb, string, Task<int>>>(() =>
        {
            compiled++;
            return EF.CompileAsyncQuery((NewsReaderDb db, string slug) => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).FirstOrDefault());
        });
        using var sqlite = ModelOnlyContext.Create(DatabaseProvider.Sqlite);
        using var sqliteAgain = ModelOnlyContext.Create(DatabaseProvider.Sqlite);
        using var postgres = ModelOnlyContext.Create(DatabaseProvider.Postgres);

        var forSqlite = query.For(sqlite);
        Assert.Same(forSqlite, query.For(sqliteAgain));
        Assert.NotSame(forSqlite, query.For(postgres));
        Assert.Same(query.For(postgres), query.For(postgres));
        Assert.Equal(2, compiled);
    }
}
