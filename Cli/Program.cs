using Cdm.Cli.Commands;

return await CdmCommand.RunAsync(args);
