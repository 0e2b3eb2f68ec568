
namespace Cdm.Silo.Storage;

/// <summary>
/// A Bloom filter of the rows the database holds, so that activating a grain that was never written (most
/// identifier and profile activations during ingest are of new keys) answers "no state" without a query.
/// It may say "maybe" for a key that is absent (then the read goes to SQLite), never "no" for one that is
/// present: it is filled from the table at start and every key is added before its write is queued.
/// </summary>
internal sealed class StoredKeyFilter
{
    private const int Probes = 4;
    private readonly long[] _bits;
    private readonly ulong _mask;

    /// <param name="bitCountLog2">2^n bits; 2^27 bits (16 MiB) keep false "maybe"s near 1% up to ~10 million rows.</param>
    public StoredKeyFilter(int bitCountLog2)
    {
        _bits = new long[(1L << bitCountLog2) / 64];
        _mask = (1UL << bitCountLog2) - 1;
    }

    public void Add(string grainType, string grainKey, string stateName)
    {
        var (h1, h2) = Hash(grainType, grainKey, stateName);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (h1 + (ulong)i * h2) & _mask;
            Interlocked.Or(ref _bits[bit >> 6], 1L << (int)(bit & 63));
        }
    }

    public bool MightContain(string grainType, string grainKey, string stateName)
    {
        var (h1, h2) = Hash(grainType, grainKey, stateName);
        for (var i = 0; i < Probes; i++)
        {
            var bit = (h1 + (ulong)i * h2) & _mask;
            if ((Volatile.Read(ref _bits[bit >> 6]) & (1L << (int)(bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // Two 64-bit FNV-1a variants over the three parts (with separators), combined by double hashing.
    private static (ulong, ulong) Hash(string grainType, string grainKey, string stateName)
    {
        var h1 = 14695981039346656037UL;
        var h2 = 0x9E3779B97F4A7C15UL;
        Mix(grainType, ref h1, ref h2);
        Mix(grainKey, ref h1, ref h2);
        Mix(stateName, ref h1, ref h2);
        return (h1, h2 | 1);
    }

    private static void Mix(string part, ref ulong h1, ref ulong h2)
    {
        foreach (var c in part)
        {
            h1 = (h1 ^ c) * 1099511628211UL;
            h2 = (h2 ^ c) * 0xBF58476D1CE4E5B9UL;
            h2 ^= h2 >> 31;
        }

        h1 = (h1 ^ 0xFF) * 1099511628211UL;
        h2 = (h2 ^ 0xFF) * 0x94D049BB133111EBUL;
    }
}
