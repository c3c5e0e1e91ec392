using System.Runtime.InteropServices;

namespace NewsReader.Web.Library.Ingestion;

/// <summary>
/// What a path is once links are followed: ingestion reads regular files only. A link to
/// /dev/zero claims a small size and then never ends, and opening a FIFO blocks until some
/// writer comes, so both must be refused before the file is opened. .NET's FileInfo cannot
/// tell them from a regular file on Unix, so this asks stat(2) through the runtime's own
/// native shim (libSystem.Native, which ships with every .NET on Unix).
/// </summary>
public static class FileKind
{
    /// <summary>Null for a regular file (after following links); otherwise why it is not one.</summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            var attributes = File.GetAttributes(path);
            return (attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0 ? "not a regular file" : null;
        }
        if (Stat(path, out var status) != 0)
        {
            return "not a regular file (a broken link, or it cannot be examined)";
        }
        return (status.Mode & TypeMask) switch
        {
            Regular => null,
            Directory => "a folder, not a file",
            CharacterDevice => "a character device, not a regular file",
            BlockDevice => "a block device, not a regular file",
            Fifo => "a named pipe (FIFO), not a regular file",
            Socket => "a socket, not a regular file",
            _ => "not a regular file",
        };
    }

    // File type bits of the shim's Mode, the same values as POSIX's S_IF* constants.
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    // The shim's FileStatus begins with Flags and Mode; the rest (sizes, times, ids) is not read
    // here, and the struct is given room for all of it.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
}
