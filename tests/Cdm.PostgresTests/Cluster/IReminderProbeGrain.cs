namespace Cdm.PostgresTests.Cluster;

/// <summary>A grain that registers a reminder and says when it fires.</summary>
[Alias("cdm.tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartAsync(TimeSpan period);

    Task StopAsync();
}
