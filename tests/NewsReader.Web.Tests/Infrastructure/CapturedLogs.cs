using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace NewsReader.Web.Tests.Infrastructure;

/// <summary>
/// Collects every log event the app writes, so tests can assert on warnings. The app's
/// Serilog pipeline picks sinks up from the container (ReadFrom.Services).
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    public sealed record Entry(string Category, LogEventLevel Level, string Message);

    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => entries.ToArray();

    public IReadOnlyList<Entry> Warnings(string categoryPrefix) =>
        Entries.Where(e => e.Level == LogEventLevel.Warning && e.Category.StartsWith(categoryPrefix, StringComparison.Ordinal)).ToList();

    public void Emit(LogEvent logEvent)
    {
        var category = logEvent.Properties.TryGetValue("SourceContext", out var source) && source is ScalarValue { Value: string name } ? name : "";
        entries.Enqueue(new Entry(category, logEvent.Level, logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
