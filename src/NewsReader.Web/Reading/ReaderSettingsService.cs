using Microsoft.EntityFrameworkCore;

namespace NewsReader.Web.Reading;

/// <summary>The reader settings a person can choose, with the allowed values of each.</summary>
public static class ReaderSettingChoices
{
    public static readonly IReadOnlyList<string> FontSizes = ["small", "medium", "large", "x-large"];
    public static readonly IReadOnlyList<string> LineWidths = ["narrow", "medium", "wide"];
    public static readonly IReadOnlyList<string> Typefaces = ["serif", "sans"];
    public static readonly IReadOnlyList<string> Themes = ["system", "light", "dark"];
}

/// <summary>Reads and saves a reader's settings; anonymous readers get the defaults.</summary>
public sealed class ReaderSettingsService(NewsReaderDb db)
{
    public async Task<ReaderSettings> GetAsync(string? userId, CancellationToken ct = default) =>
        userId is null
            ? new ReaderSettings { UserId = "" }
            : await db.ReaderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId, ct) ?? new ReaderSettings { UserId = userId };

    /// <summary>Saves the settings, or says which value is not allowed.</summary>
    public async Task<string?> SaveAsync(string userId, string fontSize, string lineWidth, string typeface, string theme, CancellationToken ct = default)
    {
        foreach (var (value, allowed, name) in new[]
        {
            (fontSize, ReaderSettingChoices.FontSizes, "font size"),
            (lineWidth, ReaderSettingChoices.LineWidths, "line width"),
            (typeface, ReaderSettingChoices.Typefaces, "typeface"),
            (theme, ReaderSettingChoices.Themes, "theme"),
        })
        {
            if (!allowed.Contains(value))
            {
                return $"The {name} '{value}' is not one of {string.Join(", ", allowed)}.";
            }
        }
        var settings = await db.ReaderSettings.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (settings is null)
        {
            settings = new ReaderSettings { UserId = userId };
            db.ReaderSettings.Add(settings);
        }
        settings.FontSize = fontSize;
        settings.LineWidth = lineWidth;
        settings.Typeface = typeface;
        settings.Theme = theme;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double submit inserted the row first: save onto it.
            db.ChangeTracker.Clear();
            return await SaveAsync(userId, fontSize, lineWidth, typeface, theme, ct);
        }
        return null;
    }
}
