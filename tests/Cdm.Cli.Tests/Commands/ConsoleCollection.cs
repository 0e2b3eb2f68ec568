namespace Cdm.Cli.Tests.Commands;

/// <summary>Tests that run whole commands share the process's console, so they do not run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
