using System.CommandLine;
using Cdm.Cli.Gateway;

namespace Cdm.Cli.Commands;

/// <summary>The global <c>--gateway</c> option, shared by every command.</summary>
public static class GatewayOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--gateway")
        {
            Description = $"Address of the CDM gateway (default: ${GatewayConnection.EnvironmentVariable} or {GatewayConnection.DefaultAddress}).",
            HelpName = "URL",
            Recursive = true,
            DefaultValueFactory = _ => GatewayConnection.DefaultFromEnvironment(),
        };
        option.Validators.Add(result =>
        {
            if (!GatewayConnection.IsValidAddress(result.GetValueOrDefault<string>()))
            {
                result.AddError("--gateway must be an absolute http:// or https:// address");
            }
        });
        return option;
    }
}
