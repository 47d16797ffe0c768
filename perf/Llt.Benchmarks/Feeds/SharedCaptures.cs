using System.Runtime.CompilerServices;
using Llt.Hotpath.Feeds.Capture;

namespace Llt.Benchmarks.Feeds;

/// <summary>
/// The real exchange captures in ../shared/data/captures (beside the repository; never copied into it), found by
/// walking up to the folder holding llt.sln from the benchmark's directory, the working directory and this source
/// file's directory (the build output may live outside the repository, as with LLT_ARTIFACTS).
/// </summary>
internal static class SharedCaptures
{
    /// <summary>The captures' subfolder <paramref name="name"/> ("Nasdaq", "Iex"); throws with the places searched when absent.</summary>
    public static string Folder(string name, [CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? "." })
        {
            for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "llt.sln")))
                {
                    string folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "captures", name));
                    if (Directory.Exists(folder))
                    {
                        return folder;
                    }
                }
            }
        }

        throw new InvalidOperationException(
            $"../shared/data/captures/{name} not found beside the repository (searched up from {AppContext.BaseDirectory}, {Environment.CurrentDirectory} and {sourceFile})");
    }

    /// <summary>The UDP payloads of every .pcap under <paramref name="folder"/>, files in name order.</summary>
    public static List<byte[]> UdpPayloads(string folder)
    {
        var payloads = new List<byte[]>();
        foreach (string path in Directory.GetFiles(folder, "*.pcap", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            byte[] capture = File.ReadAllBytes(path);
            CaptureReader reader = CaptureReader.Open(capture);
            while (reader.TryReadNextUdp(out UdpDatagram datagram))
            {
                payloads.Add(datagram.Payload.ToArray());
            }
        }

        return payloads;
    }
}
