using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Bench.Load;
using Cdm.Cli.Gateway;
using Grpc.Core;

namespace Cdm.Bench.Commands;

/// <summary><c>reresolve</c>: times a re-resolution of the profiles of a running server, shadow then optionally applied.</summary>
public static class ReResolveCommand
{
    public static Command Create()
    {
        var gateway = BenchOptions.Gateway();
        var version = new Option<int>("--model-version") { Description = "The model version to re-resolve with (0: the active one).", DefaultValueFactory = _ => 0 };
        var apply = new Option<bool>("--apply") { Description = "After the shadow run, time an applying run too." };
        var command = new Command("reresolve", "Time a shadow re-resolution of every profile in a running server (and with --apply, an applying one).")
        {
            gateway, version, apply,
        };
        command.SetAction((parse, cancellationToken) => BenchErrors.RunAsync(async () =>
        {
            var address = parse.GetValue(gateway)!;
            using var channel = GatewayConnection.Open(address);
            var client = new Models.ModelsClient(channel);
            try
            {
                ReResolveTiming.WriteText(Console.Out, await ReResolveTiming.MeasureAsync(client, parse.GetValue(version), apply: false, cancellationToken));
                if (parse.GetValue(apply))
                {
                    ReResolveTiming.WriteText(Console.Out, await ReResolveTiming.MeasureAsync(client, parse.GetValue(version), apply: true, cancellationToken));
                }
            }
            catch (RpcException e)
            {
                Console.Error.WriteLine(RpcErrorFormatter.Format(e, address));
                return 1;
            }

            return 0;
        }));
        return command;
    }
}
