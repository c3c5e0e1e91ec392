using System.Globalization;

/// <summary>The memory of the app process at the end of a bench, as the issue asks each bench to report.</summary>
internal static class AppMemory
{
    /// <summary>Resident set size (VmRSS from /proc) of the process in MB, or null where /proc has none.</summary>
    public static double? ResidentMb(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return null;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : Math.Round(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0, 1);
    }
}
