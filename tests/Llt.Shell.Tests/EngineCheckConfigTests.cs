namespace Llt.Shell.Tests;

/// <summary><c>llt-engine --check-config</c>: validates a file and prints what the engine would run, without starting it.</summary>
public sealed class EngineCheckConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("llt-engine-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void CheckConfig_PrintsTheFeedTheFeedsMarketHoursAndTheVenues_AndExitsZero()
    {
        string path = Path.Combine(_dir, "llt.json");
        File.WriteAllText(path, """
            {
              "feed": { "type": "itch-udp", "feedId": 3, "lineA": "233.54.12.111:26477", "lineB": "233.49.196.111:26477" },
              "feeds": [
                { "name": "nasdaq", "id": 3, "staleAfter": "2s",
                  "session": { "open": "09:30", "close": "16:00", "timeZone": "America/New_York" } }
              ]
            }
            """);

        using EngineProcess engine = EngineProcess.Start("--config", path, "--check-config");

        Assert.Equal(0, engine.WaitForExit());
        Assert.Contains("feed               itch-udp line A 233.54.12.111:26477, line B 233.49.196.111:26477", engine.Stdout);
        Assert.Contains("feeds[0]           nasdaq id 3, stale after 2000 ms, market hours 09:30-16:00 America/New_York", engine.Stdout);
        Assert.Contains("venues SIM-A, SIM-B", engine.Stdout);
    }

    [Fact]
    public void CheckConfig_OfABadSession_ExitsTwo_NamingTheKey()
    {
        string path = Path.Combine(_dir, "llt.json");
        File.WriteAllText(path, """
            { "feeds": [ { "name": "nasdaq", "id": 3, "session": { "open": "09:30", "close": "16:00", "timeZone": "America/Gotham" } } ] }
            """);

        using EngineProcess engine = EngineProcess.Start("--config", path, "--check-config");

        Assert.Equal(2, engine.WaitForExit());
        Assert.Contains("feeds[0].session.timeZone", engine.Stderr);
    }
}
