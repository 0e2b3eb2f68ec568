using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using CsvHelper;
using Grpc.Core;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm xref</c>: every source record and the profile that holds it, as CSV on stdout.</summary>
public static class XrefCommand
{
    public static Command Create(Option<string> gateway)
    {
        var source = new Option<string?>("--source") { Description = "Only records of this source.", HelpName = "NAME" };
        var command = new Command("xref", "Write source,record_id,profile_id for every source record, as CSV with a header, to stdout.")
        {
            source,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                using var call = new Profiles.ProfilesClient(channel).ListCrossReferences(
                    new ListCrossReferencesRequest { Source = parse.GetValue(source) ?? "" }, cancellationToken: cancellationToken);

                // Ids are data, not spreadsheet formulas: an id starting with '-' or '=' must come out unchanged.
                var options = CsvWriterOptions.Default with { Injection = CsvInjection.None, NewLine = "\n" };
                await using var csv = CsvWriter.Create(Console.OpenStandardOutput(), options, leaveOpen: false);
                csv.WriteHeader(["source", "record_id", "profile_id"]);
                await foreach (var reference in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    csv.WriteField(reference.Source);
                    csv.WriteField(reference.RecordId);
                    csv.WriteField(reference.ProfileId);
                    await csv.EndRecordAsync(cancellationToken);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
