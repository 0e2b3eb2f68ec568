using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm review list|show|accept|reject</c>: the steward's review queue.</summary>
public static class ReviewCommand
{
    public static Command Create(Option<string> gateway)
    {
        var command = new Command("review", "Possible matches waiting for a steward: list them, compare both records field by field, accept (merge) or reject (never link).");
        command.Subcommands.Add(List(gateway));
        command.Subcommands.Add(Show(gateway));
        command.Subcommands.Add(Decide(gateway, "accept", "Merge the two records' profiles and close the task."));
        command.Subcommands.Add(Decide(gateway, "reject", "Record that the two records are different people: no later ingest links them."));
        return command;
    }

    private static Command List(Option<string> gateway)
    {
        var status = new Option<string>("--status") { Description = "open, accepted or rejected.", DefaultValueFactory = _ => "open" };
        status.AcceptOnlyFromAmong("open", "accepted", "rejected");
        var limit = new Option<int>("--limit") { Description = "At most this many tasks (1 to 1000).", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) { r.AddError("--limit must be between 1 and 1000"); } });
        var json = new Option<bool>("--json") { Description = "Print the tasks in protobuf's JSON mapping." };
        var command = new Command("list", "List review tasks, the likeliest matches first.") { status, limit, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var request = new ListReviewsRequest
                {
                    Limit = parse.GetValue(limit),
                    Status = parse.GetValue(status) switch { "accepted" => ReviewStatus.Accepted, "rejected" => ReviewStatus.Rejected, _ => ReviewStatus.Open },
                };
                var response = await new Stewardship.StewardshipClient(channel).ListReviewsAsync(request, cancellationToken: cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(ProtoJson.Format(response));
                }
                else
                {
                    ReviewRenderer.WriteList(AnsiConsole.Console, response.Tasks);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Show(Option<string> gateway)
    {
        var taskId = new Argument<string>("TASK_ID") { Description = "The task id, as listed." };
        var json = new Option<bool>("--json") { Description = "Print the task in protobuf's JSON mapping." };
        var command = new Command("show", "Show a task: both records side by side and each field's evidence. Exit code 3 when not found.") { taskId, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var task = await new Stewardship.StewardshipClient(channel).GetReviewAsync(new ReviewRequest { TaskId = parse.GetValue(taskId)! }, cancellationToken: cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(ProtoJson.Format(task));
                }
                else
                {
                    ReviewRenderer.WriteTask(AnsiConsole.Console, task);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Decide(Option<string> gateway, string name, string description)
    {
        var taskId = new Argument<string>("TASK_ID") { Description = "The task id, as listed." };
        var steward = new Option<string>("--steward") { Description = "Who decides (kept in the history).", Required = true };
        var command = new Command(name, description + " Exit code 3 when the task does not exist, 1 when the decision is refused.") { taskId, steward };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var client = new Stewardship.StewardshipClient(channel);
                var request = new ReviewDecisionRequest { TaskId = parse.GetValue(taskId)!, Steward = parse.GetValue(steward)! };
                var decision = name == "accept"
                    ? await client.AcceptReviewAsync(request, cancellationToken: cancellationToken)
                    : await client.RejectReviewAsync(request, cancellationToken: cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"{decision.Message}{(decision.ProfileId.Length > 0 ? ": profile " + decision.ProfileId : "")}");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
