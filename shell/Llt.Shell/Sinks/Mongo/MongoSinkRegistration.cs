using Llt.Shell.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Llt.Shell.Sinks.Mongo;

/// <summary>Adds the MongoDB tick-store sink to the host when MONGO_HOST is set.</summary>
public static class MongoSinkRegistration
{
    /// <summary>
    /// Optional llt.json key <c>sinks:mongo:ticksCollection</c> (default <c>ticks</c>). The store only receives
    /// quotes and trades when the engine journals them (<c>journal.journalTicks</c>, on by default).
    /// Throws <see cref="ArgumentException"/> naming a bad key.
    /// </summary>
    public static IServiceCollection AddMongoSink(this IServiceCollection services, PlatformConfiguration configuration)
    {
        if (!configuration.Platform.Mongo.Enabled)
        {
            return services;
        }

        MongoStoreOptions options = Options(configuration);
        services.AddJournalSink(options.SinkName, sp =>
        {
            var logger = sp.GetRequiredService<ILogger<MongoEventStore>>();
            if (!configuration.Engine.Journal.JournalTicks)
            {
                logger.LogWarning("MongoDB tick store at {Server}: journal.journalTicks is off, so no quotes or trades reach it", options.Describe());
            }

            return new MongoEventStore(options, logger);
        }, JournalSinkRegistration.SinkOptions(configuration));
        return services;
    }

    public static MongoStoreOptions Options(PlatformConfiguration configuration)
    {
        IReadOnlyDictionary<string, string?> values = configuration.File?.SinkValues ?? new Dictionary<string, string?>();
        MongoStoreOptions options = MongoStoreOptions.From(configuration.Platform.Mongo, configuration.File?.Engine);
        if (values.TryGetValue("sinks:mongo:ticksCollection", out string? collection) && collection is not null)
        {
            options = options with { TicksCollection = collection };
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"MONGO_* / sinks:mongo:*: {ex.Message}", "sinks:mongo", ex);
        }

        return options;
    }
}
