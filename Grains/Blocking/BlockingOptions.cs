namespace Cdm.Grains.Blocking;

/// <summary>Which blocking rules apply and how large a block may grow.</summary>
public sealed class BlockingOptions
{
    /// <summary>
    /// The default rules. Each pair of the person fields (names, birth date, postcode) is covered by two rules that
    /// share no field, so one typo or one missing field leaves at least one key in common; the identifiers
    /// (national id, email) catch pairs whose names or dates disagree more widely. Sources without an address or
    /// identifier (names and a birth date only, often missing) need the rules on names and dates alone: both names'
    /// sounds, the first name's sound and birth year, and the whole birth date (a capped block on a large population).
    /// </summary>
    public static IReadOnlyList<string> DefaultRules { get; } =
    [
        "surname_phonetic+birth_year",
        "first_name_phonetic+postcode",
        "first_name+surname_initial+birth_date",
        "national_id",
        "email_local_part_folded",
        "postcode+street_number",
        "first_name_phonetic+surname_phonetic",
        "first_name_phonetic+birth_year",
        "birth_date",
    ];

    /// <summary>The rules, written as part names joined by <c>+</c>; null or empty means <see cref="DefaultRules"/>.</summary>
    public IList<string>? Rules { get; set; }

    /// <summary>The most members a block holds; further members are refused and counted.</summary>
    public int MaxBlockSize { get; set; } = BlockCapacity.DefaultMaxMembers;

    /// <summary>
    /// How many partition grains hold the blocks (by a stable hash of the block key). Each is one long-lived
    /// activation, so a record's blocks cost calls, not activations. All silos of a running cluster must use the same
    /// number; blocks are stored by their key, so it may change across a restart of the whole cluster.
    /// </summary>
    public int Partitions { get; set; } = 256;

    /// <summary>
    /// The members one partition keeps in memory; beyond it the least recently used blocks are dropped and read
    /// again when needed. The silo holds at most <see cref="Partitions"/> times this many.
    /// </summary>
    public int CachedMembersPerPartition { get; set; } = 2_000;

    /// <summary>The capacity <see cref="MaxBlockSize"/> gives.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxBlockSize"/> is below 1.</exception>
    public BlockCapacity ToCapacity() => new(MaxBlockSize);
}
