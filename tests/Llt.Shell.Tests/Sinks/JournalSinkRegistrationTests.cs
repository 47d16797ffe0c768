using Llt.Shell.Configuration;
using Llt.Shell.Sinks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Llt.Shell.Tests.Sinks;

public sealed class JournalSinkRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string> environment)
    {
        PlatformConfiguration configuration = PlatformConfigurationLoader.Load(null, null, environment);
        Assert.True(configuration.IsValid, string.Join("; ", configuration.Problems));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJournalSinks(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void No_server_configured_means_no_sink()
    {
        using ServiceProvider provider = Build([]);
        Assert.Empty(provider.GetServices<IJournalSinkStatusSource>());
        Assert.Empty(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void Each_configured_server_gets_its_own_sink_service_and_status()
    {
        using ServiceProvider provider = Build(new()
        {
            ["POSTGRES_HOST"] = "127.0.0.1",
            ["POSTGRES_USER"] = "llt",
            ["POSTGRES_PASSWORD"] = "not-a-real-password",
            ["REDIS_HOST"] = "127.0.0.1",
        });
        List<IHostedService> hosted = provider.GetServices<IHostedService>().ToList();
        Assert.Equal(2, hosted.Count);
        Assert.All(hosted, service => Assert.IsType<JournalSink>(service));
        string[] names = provider.GetServices<IJournalSinkStatusSource>().Select(s => s.Status.Name).Order().ToArray();
        Assert.Equal(["postgres", "redis"], names);
        // the status source and the hosted service are the same sink
        Assert.Same(provider.GetRequiredKeyedService<JournalSink>("redis"), hosted.Single(h => ((JournalSink)h).Name == "redis"));
        Assert.All(provider.GetServices<IJournalSinkStatusSource>(), s => Assert.Equal(-1, s.Status.DeliveredSequence));
    }
}
