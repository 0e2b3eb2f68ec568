namespace Cdm.Grains.Blocking;

/// <summary>Which blocking rules apply and how large a block may grow.</summary>
public sealed class BlockingOptions
{
    /// <summary>
    /// The default rules. Each pair of the person fields (names, birth date, postcode) is covered by two rules that
    /// share no field, so one typo or one missing field leaves at least one key in common; the identifiers
    /// (national id, email) catch pairs whose names or dates disagree more widely.
    /// </summary>
    public static IReadOnlyList<string> DefaultRules { get; } =
    [
        "surname_phonetic+birth_year",
        "first_name_phonetic+postcode",
        "first_name+surname_initial+birth_date",
        "national_id",
        "email_local_part_folded",
        "postcode+street_number",
    ];

    /// <summary>The rules, written as part names joined by <c>+</c>; null or empty means <see cref="DefaultRules"/>.</summary>
    public IList<string>? Rules { get; set; }

    /// <summary>The most members a block holds; further members are refused and counted.</summary>
    public int MaxBlockSize { get; set; } = BlockCapacity.DefaultMaxMembers;

    /// <summary>The capacity <see cref="MaxBlockSize"/> gives.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxBlockSize"/> is below 1.</exception>
    public BlockCapacity ToCapacity() => new(MaxBlockSize);
}
