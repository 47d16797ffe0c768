using Llt.Shell.Alpaca;
using Llt.Shell.Configuration;

namespace Llt.Shell.Tests.Alpaca;

/// <summary>ALPACA_DATA_STREAM_FORMAT: msgpack by default, json on request, anything else a problem naming the key.</summary>
public sealed class AlpacaStreamFormatSettingTests
{
    private static (PlatformSettings? Settings, List<SettingProblem> Problems) Read(Dictionary<string, string> environment)
    {
        var problems = new List<SettingProblem>();
        PlatformSettings? settings = PlatformSettingsReader.Read(LayeredSettings.Create(new Dictionary<string, string>(), new Dictionary<string, string>(), environment), problems);
        return (settings, problems);
    }

    [Theory]
    [InlineData(null, AlpacaStreamFormat.MessagePack)]
    [InlineData("msgpack", AlpacaStreamFormat.MessagePack)]
    [InlineData(" MsgPack ", AlpacaStreamFormat.MessagePack)]
    [InlineData("json", AlpacaStreamFormat.Json)]
    [InlineData("JSON", AlpacaStreamFormat.Json)]
    public void TheFormat_IsRead(string? value, AlpacaStreamFormat expected)
    {
        var environment = new Dictionary<string, string>();
        if (value is not null)
        {
            environment[SettingCatalog.AlpacaDataStreamFormat] = value;
        }

        (PlatformSettings? settings, List<SettingProblem> problems) = Read(environment);

        Assert.Empty(problems);
        Assert.Equal(expected, settings!.Alpaca.DataStreamFormat);
    }

    [Fact]
    public void AnotherFormat_IsAProblem_NamingTheKey()
    {
        (PlatformSettings? settings, List<SettingProblem> problems) = Read(new Dictionary<string, string> { [SettingCatalog.AlpacaDataStreamFormat] = "protobuf" });

        Assert.Null(settings);
        SettingProblem problem = Assert.Single(problems);
        Assert.Equal("ALPACA_DATA_STREAM_FORMAT: 'protobuf' is not one of msgpack, json", problem.ToString());
    }
}
