using System.Buffers.Binary;
using System.Diagnostics;
using Llt.Hotpath.Ipc;

namespace Llt.Hotpath.Tests.Ipc;

/// <summary>
/// Two OS processes over /dev/shm ring files: this test process and the latency harness's echo peer
/// (perf/Llt.Latency, which must be built first: `dotnet build perf/Llt.Latency`).
/// </summary>
public sealed class CrossProcessRingTests : IDisposable
{
    private const int Capacity = 64 * 1024;
    private const int Messages = 20_000;
    private readonly string _requestPath = ShmPaths.NewRingPath("req");
    private readonly string _responsePath = ShmPaths.NewRingPath("rsp");

    public void Dispose()
    {
        File.Delete(_requestPath);
        File.Delete(_responsePath);
    }

    [Fact]
    public void EchoPeerInAnotherProcess_ReturnsEveryMessageIntact()
    {
        using RingBufferFile requestFile = RingBufferFile.Create(_requestPath, Capacity);
        using RingBufferFile responseFile = RingBufferFile.Create(_responsePath, Capacity);
        var requests = new ManyToOneRingBuffer(requestFile.Buffer);
        var responses = new ManyToOneRingBuffer(responseFile.Buffer);

        using Process peer = StartPeer(_requestPath, _responsePath, Messages);
        var deadline = Stopwatch.StartNew();
        var checker = new SequenceChecker(1);
        Span<byte> payload = stackalloc byte[24];
        long sent = 0;
        while (checker.Total < Messages && deadline.Elapsed < TimeSpan.FromSeconds(60) && !peer.HasExited)
        {
            if (sent < Messages)
            {
                BinaryPrimitives.WriteInt64LittleEndian(payload, sent);
                BinaryPrimitives.WriteInt64LittleEndian(payload[8..], ~sent);
                if (requests.Write(1, payload) == WriteResult.Success)
                {
                    sent++;
                }
            }

            if (responses.Read(ref checker, 64) == 0)
            {
                Thread.Yield();
            }
        }

        while (checker.Total < Messages && responses.Read(ref checker, 64) > 0)
        {
        }

        Assert.True(peer.WaitForExit(TimeSpan.FromSeconds(30)), "the echo peer must exit after echoing every message");
        string peerErrors = peer.StandardError.ReadToEnd();
        Assert.True(peer.ExitCode == 0, $"peer exit code {peer.ExitCode}: {peerErrors}");
        Assert.Equal(0, checker.OutOfOrder);
        Assert.Equal(Messages, checker.Total);
        Assert.True(requests.ConsumerHeartbeatTimeMs > 0, "the peer stamps the request ring's consumer heartbeat");
    }

    private static Process StartPeer(string requestPath, string responsePath, int count)
    {
        string peerDll = FindPeerAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(peerDll);
        start.ArgumentList.Add("echo");
        start.ArgumentList.Add(requestPath);
        start.ArgumentList.Add(responsePath);
        start.ArgumentList.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--yield");
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the echo peer");
    }

    /// <summary>The latency harness built beside this test assembly (artifacts/bin/Llt.Latency/&lt;config&gt;/).</summary>
    private static string FindPeerAssembly()
    {
        // AppContext.BaseDirectory = <artifacts>/bin/Llt.Hotpath.Tests/<config>/
        var binRoot = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!;
        var candidates = new DirectoryInfo(Path.Combine(binRoot.FullName, "Llt.Latency"));
        FileInfo? newest = candidates.Exists
            ? candidates.EnumerateFiles("Llt.Latency.dll", SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        Assert.True(newest is not null, $"build the echo peer first: dotnet build perf/Llt.Latency (looked under {candidates.FullName})");
        return newest!.FullName;
    }
}
