using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsReader.Web.Data;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) for each model it runs against. EF Core binds a
/// compiled query to the first model it runs with and refuses any other, and one process can
/// hold two: the SQLite and the PostgreSQL model, as the copy from one to the other and its tests do.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> byModel = [];

    public TQuery For(DbContext db) => byModel.TryGetValue(db.Model, out var compiled) ? compiled : byModel.GetValue(db.Model, _ => compile());
}
