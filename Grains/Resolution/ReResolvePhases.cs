namespace Cdm.Grains.Resolution;

/// <summary>The phases a re-resolution reports progress in, in order.</summary>
public static class ReResolvePhases
{
    public const string ScanningProfiles = "scanning profiles";
    public const string Blocking = "blocking";
    public const string Scoring = "scoring";
    public const string Linking = "linking";
    public const string Applying = "applying";
    public const string Done = "done";
}
