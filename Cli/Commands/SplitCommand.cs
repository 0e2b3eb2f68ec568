using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm split SOURCE RECORD_ID --steward NAME</c>: splits a source record out of its profile.</summary>
public static class SplitCommand
{
    public static Command Create(Option<string> gateway)
    {
        var source = new Argument<string>("SOURCE") { Description = "The record's source." };
        var recordId = new Argument<string>("RECORD_ID") { Description = "The record's id in its source." };
        var steward = new Option<string>("--steward") { Description = "Who splits it (kept in the history).", Required = true };
        var command = new Command("split",
            "Split a source record out of its profile into a new one; both golden records are recomputed and later ingests never link it " +
            "with the records that stayed. Exit code 3 when no profile holds it, 1 when it is alone in its profile.")
        {
            source, recordId, steward,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var split = await new Stewardship.StewardshipClient(channel).SplitRecordAsync(new SplitRecordRequest
                {
                    Record = new SourceKey { Source = parse.GetValue(source)!, RecordId = parse.GetValue(recordId)! },
                    Steward = parse.GetValue(steward)!,
                }, cancellationToken: cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"Split out of {split.PreviousProfileId} into [bold]{split.ProfileId}[/].");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
