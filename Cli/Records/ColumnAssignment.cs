namespace Cdm.Cli.Records;

/// <summary>A <c>column=name</c> pair given on the command line (a column map or an identifier type).</summary>
public sealed record ColumnAssignment(string Column, string Name)
{
    /// <summary>Parses <c>column=name</c>; both sides are trimmed and must be non-empty.</summary>
    public static bool TryParse(string text, out ColumnAssignment? assignment)
    {
        assignment = null;
        var separator = text.IndexOf('=');
        if (separator <= 0 || separator == text.Length - 1)
        {
            return false;
        }

        var column = text[..separator].Trim();
        var name = text[(separator + 1)..].Trim();
        if (column.Length == 0 || name.Length == 0)
        {
            return false;
        }

        assignment = new ColumnAssignment(column, name);
        return true;
    }
}
