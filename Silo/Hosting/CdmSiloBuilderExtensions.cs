using Cdm.Grains.Audit;
using Cdm.Grains.Consent;
using Cdm.Grains.Blocking;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Identity;
using Cdm.Grains.Enrichment;
using Cdm.Grains.Ingestion;
using Cdm.Grains.Matching;
using Cdm.Grains.Normalisation;
using Cdm.Grains.Privacy;
using Cdm.Grains.Privacy.Erasure;
using Cdm.Grains.Privacy.Retention;
using Cdm.Silo.Privacy;
using Cdm.Grains.Profiles;
using Cdm.Grains.Stewardship;
using Cdm.Grains.Storage;
using Cdm.Grains.Survivorship;
using Cdm.Silo.Audit;
using Cdm.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Cdm.Silo.Hosting;

/// <summary>Adds CdmOrleans to a silo: the grains' services and options, and where grain state is kept.</summary>
public static class CdmSiloBuilderExtensions
{
    /// <summary>Registers what the grains need, bound from the <c>Cdm</c> configuration section.</summary>
    public static ISiloBuilder AddCdmGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        var cdm = configuration.GetSection("Cdm");
        services.AddOptions<NormalisationOptions>().Bind(cdm.GetSection("Normalisation"));
        services.AddOptions<EnrichmentOptions>().Bind(cdm.GetSection("Enrichment"));
        services.AddOptions<SurvivorshipOptions>().Bind(cdm.GetSection("Survivorship"));
        // Sources are keyed by name directly under Cdm:Sources; what an unregistered source gets is under Cdm:SourceDefaults.
        services.AddOptions<SourceRegistryOptions>().Configure(o =>
        {
            cdm.GetSection("Sources").Bind(o.Sources);
            o.DefaultParty = cdm.GetValue("SourceDefaults:Party", o.DefaultParty);
            o.DefaultTrustRank = cdm.GetValue("SourceDefaults:TrustRank", o.DefaultTrustRank);
        });
        services.AddOptions<MergeJournalOptions>().Bind(cdm.GetSection("MergeJournal"));
        services.AddOptions<MatchingOptions>().Bind(cdm.GetSection("Matching"));
        services.AddOptions<IdentityGraphOptions>().Bind(cdm.GetSection("IdentityGraph"));
        services.AddOptions<ConsentOptions>().Bind(cdm.GetSection("Consent")).Validate(static o => o.IsValid(), ConsentOptions.MalformedMessage).ValidateOnStart();
        services.AddCdmPrivacy(configuration);
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(static o => new RetentionPolicy(o).Problems().Count == 0, "Cdm:Retention holds a period that is not positive (write d.hh:mm:ss)")
            .ValidateOnStart();
        services.TryAddSingleton(static sp => new RetentionPolicy(sp.GetRequiredService<IOptions<RetentionOptions>>().Value));
        // Shed idle activations before memory runs out (a bulk load activates grains faster than age collects them).
        services.Configure<GrainCollectionOptions>(options => options.EnableActivationSheddingOnMemoryPressure = true);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var enricher = sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Enabled ? new Enricher(time) : null;
            var consents = new RecordConsents(sp.GetRequiredService<IOptions<ConsentOptions>>().Value);
            return new RecordNormaliser(sp.GetRequiredService<IOptions<NormalisationOptions>>().Value, time, enricher, consents);
        });
        services.TryAddSingleton(sp => new GoldenRecordBuilder(
            sp.GetRequiredService<IOptions<SurvivorshipOptions>>().Value,
            new SourceRegistry(sp.GetRequiredService<IOptions<SourceRegistryOptions>>().Value)));
        services.TryAddSingleton(sp => new SourceSchemas(sp.GetRequiredService<IOptions<SourceRegistryOptions>>().Value));
        services.TryAddSingleton<ResolutionGrains>();
        services.TryAddSingleton<ActiveMatchModel>();
        services.TryAddSingleton<RecordMatcher>();
        services.TryAddSingleton<ReviewTasks>();
        services.TryAddSingleton(sp => new LinkPlanner(sp.GetRequiredService<IOptions<IdentityGraphOptions>>().Value));
        services.AddMetrics();
        services.TryAddSingleton<CdmMetrics>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MergeJournalWakeUp>();
        // Erasure: each silo's copy of the suppression list, and the per-silo service the saga updates it through.
        services.TryAddSingleton<SuppressionSet>();
        services.AddGrainService<SuppressionService>();
        services.TryAddSingleton<ISuppressionServiceClient, SuppressionServiceClient>();
        services.TryAddSingleton<ISuppressionFanOut>(static sp => sp.GetRequiredService<ISuppressionServiceClient>());
        return silo;
    }

    /// <summary>
    /// Grain state in one SQLite file under <paramref name="dataDirectory"/>. <c>Cdm:Storage:Provider</c> chooses
    /// the writer: <c>GroupCommit</c> (default: many grains' writes per transaction, each acknowledged after its
    /// commit; options under <c>Cdm:Storage:GroupCommit</c>) or <c>AdoNet</c> (Orleans' own ADO.NET provider with
    /// the project's script, one transaction per write, and no cross-reference scan).
    /// </summary>
    public static ISiloBuilder UseCdmSqliteStorage(this ISiloBuilder silo, string dataDirectory, IConfiguration configuration)
    {
        Directory.CreateDirectory(dataDirectory);
        // The audit log has a file of its own: its appends never wait for the grain writer.
        silo.Services.AddSingleton<IAuditStore>(_ => new SqliteAuditStore(Path.Combine(dataDirectory, "audit.db")));
        var storage = configuration.GetSection("Cdm:Storage");
        var provider = storage["Provider"] ?? "GroupCommit";
        if (provider.Equals("AdoNet", StringComparison.OrdinalIgnoreCase))
        {
            silo.Services.AddSingleton<IGrainStateScanner, UnsupportedGrainStateScanner>();
            return silo.AddCdmAdoNetSqliteStorage(StorageNames.Cdm, Path.Combine(dataDirectory, "cdm-adonet.db"));
        }

        if (!provider.Equals("GroupCommit", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Cdm:Storage:Provider is '{provider}'; use GroupCommit or AdoNet.");
        }

        return silo.AddCdmSqliteStorage(StorageNames.Cdm, options =>
        {
            storage.GetSection("GroupCommit").Bind(options);
            options.DatabasePath = Path.Combine(dataDirectory, "cdm.db");
        });
    }
}
