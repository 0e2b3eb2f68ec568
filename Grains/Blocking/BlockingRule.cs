namespace Cdm.Grains.Blocking;

/// <summary>
/// A named combination of <see cref="BlockingPart"/>s: records whose parts all agree share the rule's key. The
/// name is the part names joined by <c>+</c> (<c>surname_phonetic+birth_year</c>); the code is the part codes
/// joined by <c>_</c> (<c>sn_by</c>).
/// </summary>
public sealed class BlockingRule
{
    private BlockingRule(string name, string code, IReadOnlyList<BlockingPart> parts)
    {
        Name = name;
        Code = code;
        Parts = parts;
    }

    /// <summary>The rule as written, e.g. <c>surname_phonetic+birth_year</c>.</summary>
    public string Name { get; }

    /// <summary>The short form used in keys, e.g. <c>sn_by</c>.</summary>
    public string Code { get; }

    /// <summary>The parts, in order.</summary>
    public IReadOnlyList<BlockingPart> Parts { get; }

    /// <summary>Reads a rule written as part names joined by <c>+</c>.</summary>
    /// <exception cref="ArgumentException">The rule is empty, names an unknown part, or names a part twice.</exception>
    public static BlockingRule Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var names = name.Split('+', StringSplitOptions.TrimEntries);
        var parts = new List<BlockingPart>(names.Length);
        foreach (var partName in names)
        {
            var part = BlockingPart.Find(partName)
                ?? throw new ArgumentException($"Blocking rule '{name}' names an unknown part '{partName}'; known parts: {string.Join(", ", BlockingPart.All.Select(p => p.Name))}.", nameof(name));
            if (parts.Contains(part))
            {
                throw new ArgumentException($"Blocking rule '{name}' names the part '{partName}' twice.", nameof(name));
            }

            parts.Add(part);
        }

        return new BlockingRule(string.Join('+', parts.Select(p => p.Name)), string.Join('_', parts.Select(p => p.Code)), parts);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
