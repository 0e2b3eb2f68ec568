namespace Cdm.SiloHost.Hosting;

/// <summary>How other members reach this silo (configuration section <c>Cdm:Silo</c>).</summary>
public sealed class SiloEndpointSettings
{
    public const string Section = "Cdm:Silo";

    /// <summary>
    /// The address other silos and gateways use for this one: an IP address or a host name. Unset, the machine's
    /// host name is resolved, which in a container is the container's own address. Set it to 127.0.0.1 for
    /// several silos on one machine's loopback.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Silo-to-silo port; each silo on one address needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (the gateways) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
}
