using System.CommandLine;
using Cdm.Bench.Generation;
using Cdm.Cli.Gateway;

namespace Cdm.Bench.Commands;

/// <summary>Options shared by several bench commands.</summary>
public static class BenchOptions
{
    public static Option<string> Gateway() => new("--gateway")
    {
        Description = $"Address of the CDM gateway (default: ${GatewayConnection.EnvironmentVariable} or {GatewayConnection.DefaultAddress}).",
        HelpName = "URL",
        DefaultValueFactory = _ => GatewayConnection.DefaultFromEnvironment(),
    };

    public static Option<int> Seed() => new("--seed")
    {
        Description = "Seed of the generator: the same seed gives the same records.",
        HelpName = "S",
        DefaultValueFactory = _ => 1,
    };

    public static Option<string> PhoneRegion()
    {
        var option = new Option<string>("--phone-region")
        {
            Description = "Country of the generated phone numbers, written in E.164 and national forms; national forms link only " +
                "when the server's default phone region is the same.",
            DefaultValueFactory = _ => "US",
        };
        option.AcceptOnlyFromAmong([.. Generation.PhoneRegion.All.Select(r => r.Code)]);
        return option;
    }

    public static PhoneRegion Region(ParseResult parse, Option<string> option) => Generation.PhoneRegion.Parse(parse.GetValue(option)!);
}
