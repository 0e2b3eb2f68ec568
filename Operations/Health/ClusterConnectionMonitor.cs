namespace Cdm.Operations.Health;

/// <summary>
/// Counts the gateway silos an Orleans client is connected to. The client reports every change to each
/// registered <see cref="IClusterConnectionStatusObserver"/>; it has no property to ask instead. In a process
/// that hosts a silo nothing reports, and the count stays zero.
/// </summary>
internal sealed class ClusterConnectionMonitor : IClusterConnectionStatusObserver
{
    private int connectedGateways;

    public int ConnectedGateways => Volatile.Read(ref connectedGateways);

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Volatile.Write(ref connectedGateways, currentNumberOfGateways);

    public void NotifyClusterConnectionLost() => Volatile.Write(ref connectedGateways, 0);
}
