using Cdm.Bench.Commands;

return await BenchCommand.RunAsync(args);
