using Xunit.Abstractions;

namespace Cdm.ClusterProcessTests;

/// <summary>
/// Three silos and a gateway as real processes on PostgreSQL, 50,000 records sent concurrently, and a silo
/// lost on the way: killed (SIGKILL) or stopped in turn (a rolling restart). Afterwards every record must be in
/// exactly one profile and the profiles must equal the connected components of the data, read through the API.
/// One class, so the two clusters never run at once on a small machine.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class SiloLossTests(ITestOutputHelper output)
{
    private const int Records = 50_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_silo_killed_midway_loses_nothing()
    {
        await using var cluster = await ProcessCluster.StartAsync("silo kill", siloCount: 3, gatewayCount: 1);
        var gateway = cluster.GatewayUrls[0];
        var load = new ClusterLoad(Records, seed: 3101);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));

        var sending = load.SendAsync(gateway, streams: 8, inFlight: 64, timeout.Token);
        await load.Tracker.ReachedAsync(Records / 3).WaitAsync(timeout.Token);
        var answeredAtKill = load.Tracker.Count;
        await cluster.Silos[1].KillAsync();
        await cluster.StartSiloAsync();
        await sending;

        output.WriteLine($"killed {cluster.Silos[1].Name} after {answeredAtKill:N0} answers; every record answered after {load.Passes} pass(es)");
        Assert.InRange(answeredAtKill, Records / 3, Records - 1);
        await AssertProfilesEqualTheComponentsAsync(cluster, load, gateway, timeout.Token);
    }

    [Fact]
    public async Task A_rolling_restart_under_load_loses_nothing()
    {
        await using var cluster = await ProcessCluster.StartAsync("silo roll", siloCount: 3, gatewayCount: 1);
        var gateway = cluster.GatewayUrls[0];
        var load = new ClusterLoad(Records, seed: 3102);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));

        var sending = load.SendAsync(gateway, streams: 8, inFlight: 64, timeout.Token);
        await load.Tracker.ReachedAsync(Records / 10).WaitAsync(timeout.Token);
        var answeredAtStart = load.Tracker.Count;
        foreach (var silo in cluster.Silos.ToList())
        {
            // Each silo in turn: SIGTERM, wait for its graceful stop, then a new silo takes its place.
            await silo.StopAsync(TimeSpan.FromMinutes(2));
            await cluster.StartSiloAsync();
        }

        var answeredAtEnd = load.Tracker.Count;
        await sending;

        output.WriteLine($"rolled 3 silos between {answeredAtStart:N0} and {answeredAtEnd:N0} answers; every record answered after {load.Passes} pass(es)");
        Assert.InRange(answeredAtStart, Records / 10, Records - 1);
        Assert.True(answeredAtEnd > answeredAtStart, "no record was answered while the silos were restarted");
        await AssertProfilesEqualTheComponentsAsync(cluster, load, gateway, timeout.Token);
    }

    private async Task AssertProfilesEqualTheComponentsAsync(ProcessCluster cluster, ClusterLoad load, string gateway, CancellationToken cancellationToken)
    {
        Assert.Equal(load.Count, load.Tracker.Count);
        Assert.Equal(0, load.Tracker.Rejected);
        var (report, duplicates) = await load.VerifyAsync(gateway, Patience, cancellationToken);
        output.WriteLine($"{report.Metrics.TrueEntities:N0} expected profiles; {report.Missing} missing, {duplicates} listed twice, {report.SplitComponents} split, {report.MixedProfiles} mixed");
        Assert.True(report.IsExact && duplicates == 0,
            $"profiles differ from the components: {report.Missing} missing, {duplicates} listed twice, {report.SplitComponents} split, " +
            $"{report.MixedProfiles} mixed; first missing: {string.Join(", ", report.FirstMissing)}; logs in {cluster.LogDirectory}");
        Assert.Equal(0, await load.CountLookupMismatchesAsync(gateway, sample: 200, cancellationToken));
    }
}
