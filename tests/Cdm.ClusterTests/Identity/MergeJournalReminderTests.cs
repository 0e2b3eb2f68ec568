using Cdm.Contracts.Privacy;
using Cdm.Contracts.Identity;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Cdm.ClusterTests.Identity;

/// <summary>
/// The partition's reminder finishes a saga on its own: no call touches the profiles, the partition's timer is
/// set beyond the test, and the start-up wake has passed, so only the reminder can finish it (as after the death
/// of the silo that drove the saga and hosted the partition).
/// </summary>
public sealed class MergeJournalReminderTests : IAsyncLifetime
{
    private readonly TestRecords records = new();
    private CdmTestCluster? cluster;

    private IGrainFactory Grains => cluster!.Grains;

    public async Task InitializeAsync() => cluster = await CdmTestCluster.StartAsync(builder =>
    {
        builder.Properties["Cdm:MergeJournal:ReminderPeriod"] = "00:00:02";
        builder.Properties["Cdm:MergeJournal:CheckPeriod"] = "01:00:00";
        builder.Properties["Cdm:MergeJournal:StaleAfter"] = "00:00:00";
        builder.AddSiloBuilderConfigurator<ShortRemindersConfigurator>();
    });

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_abandoned_saga_is_finished_by_the_reminder()
    {
        var resolver = Grains.GetGrain<IResolverGrain>(0);
        var email = records.Email("r");
        var crmId = records.Id("r");
        var a = await resolver.IngestAsync(records.Record("a", attributes: [("email", email)]));
        var b = await resolver.IngestAsync(records.Record("b", identifiers: [("crm_id", crmId)]));
        var survivor = string.CompareOrdinal(a.ProfileId, b.ProfileId) < 0 ? a.ProfileId! : b.ProfileId!;
        var loser = survivor == a.ProfileId ? b.ProfileId! : a.ProfileId!;
        FaultInjection.FailNext(survivor, "AbsorbAsync");

        await Assert.ThrowsAnyAsync<Exception>(() => resolver.IngestAsync(
            records.Record("c", attributes: [("email", email)], identifiers: [("crm_id", crmId)])));
        Assert.Equal(survivor, (await Grains.GetGrain<IProfileGrain>(loser).GetRouteAsync()).Target);

        // Reads only: none of them resumes a saga.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await IsFinishedAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "the reminder did not finish the saga within a minute");
            await Task.Delay(200);
        }

        async Task<bool> IsFinishedAsync()
        {
            var profile = await Grains.GetGrain<IProfileGrain>(survivor).GetViewAsync(false, ReadPurposes.Stewardship);
            return profile is not null
                && profile.Members.Select(m => m.RecordId).Order().SequenceEqual(["a", "b"])
                && await Grains.GetGrain<IIdentifierGrain>($"email:{email}").GetOwnerAsync() == survivor
                && await Grains.GetGrain<IIdentifierGrain>($"crm_id:{crmId}").GetOwnerAsync() == survivor;
        }
    }

    private sealed class ShortRemindersConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddIncomingGrainCallFilter<FaultInjection>();
            siloBuilder.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }
}
