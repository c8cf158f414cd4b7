using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using PolicyAsCode.Json;

namespace PolicyAsCode.Tool;

/// <summary>
/// Reads the files pac is given (preferences and context files) at bounded cost, with one-line errors. At most
/// <see cref="MaxBytes"/> plus one byte is read from any path, so <c>/dev/zero</c> or a 200 MB file costs no more than a
/// 64 KiB one, and whether the file is larger than the limit is still known. On Linux the file is opened without
/// waiting for a writer (<c>O_NONBLOCK</c>, cleared once open), so a named pipe that no process has open for
/// writing reads as empty instead of blocking pac forever; a pipe with a writer (<c>--prefs &lt;(cat prefs.json)</c>)
/// is read as usual, until its writer closes it or the limit is reached.
/// </summary>
internal static class InputFiles
{
    /// <summary>The most bytes a preferences document may have: the reader's default limit, which a service applies too.</summary>
    public const int MaxBytes = PreferencesReaderOptions.DefaultMaxBytes;

    /// <summary>
    /// The first <see cref="MaxBytes"/> + 1 bytes of <paramref name="path"/> at most: a result longer than
    /// <see cref="MaxBytes"/> means the file is larger than the limit (how much larger is not read).
    /// </summary>
    /// <param name="path">The file, as given on the command line.</param>
    /// <param name="what">What the file is, for messages: <c>preferences</c>, <c>context</c>.</param>
    /// <exception cref="PacInputException">The file is missing, is a directory, or cannot be opened or read.</exception>
    public static byte[] ReadBounded(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new PacInputException($"{path}: is a directory, not a {what} file.");
        }

        try
        {
            using var handle = OpenWithoutWaiting(path);
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PacInputException(
                e is FileNotFoundException or DirectoryNotFoundException ? $"{path}: no such {what} file." : $"{path}: the {what} file could not be read: {e.Message}", e);
        }
    }

    // open(2) with O_NONBLOCK returns at once for a FIFO that has no writer (where a plain open waits for one); the
    // flag is then cleared so that reads of a pipe with a writer wait for its data as usual. Only on Linux, whose ABI
    // passes fcntl's variadic argument like any other (Apple's arm64 ABI does not); elsewhere, the ordinary open.
    private static SafeFileHandle OpenWithoutWaiting(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }

        var fd = Libc.open(NullTerminated(path), NonBlock | CloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == ENOENT ? new FileNotFoundException(null, path) : new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var status = Libc.fcntl(fd, F_GETFL, 0);
        if (status < 0 || Libc.fcntl(fd, F_SETFL, status & ~NonBlock) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            handle.Dispose();
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }

        return handle;
    }

    private static byte[] NullTerminated(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A path cannot hold a NUL character.", nameof(path));
        }

        return Encoding.UTF8.GetBytes(path + "\0");
    }

    private const int ENOENT = 2;
    private const int F_GETFL = 3;
    private const int F_SETFL = 4;
    private const int NonBlock = 0x800;        // Linux O_NONBLOCK (04000) on x64 and arm64
    private const int CloseOnExec = 0x80000;   // Linux O_CLOEXEC (02000000)

    private static class Libc
    {
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SA1300, IDE1006, CA1401 // the C names
        public static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int fcntl(int fd, int command, int argument);
#pragma warning restore SA1300, IDE1006, CA1401
    }
}
