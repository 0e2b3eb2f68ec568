namespace Cdm.Cli.Commands;

/// <summary>The exit codes of <c>cdm</c>, listed in its help so scripts can rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>
    /// The gateway or the database is unreachable, a call failed, a file could not be read, records had no result,
    /// or a schema step failed or was edited.
    /// </summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong, or the file does not fit the options (a missing column).</summary>
    public const int Usage = 2;

    /// <summary>The profile asked for does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>Some records were rejected and <c>--fail-on-reject</c> was given.</summary>
    public const int Rejected = 4;

    /// <summary><c>cdm db status</c>: the database lacks schema steps this cdm ships, or an applied one was edited.</summary>
    public const int Pending = 5;

    /// <summary>The command was interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;

    public const string Help =
        "Exit codes: 0 success; 1 gateway or database unreachable, call failed, file unreadable or schema step failed; " +
        "2 wrong arguments; 3 not found; 4 records rejected with --fail-on-reject; 5 schema steps pending (db status); 130 interrupted.";
}
