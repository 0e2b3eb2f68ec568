namespace Cdm.Bench.Generation;

/// <summary>
/// Shuffles a stream within a sliding window: a person's records are spread over a stretch of the
/// output, as they arrive from different sources at different times, without holding the whole stream.
/// </summary>
public sealed class WindowShuffle<T>(int window, Random random)
{
    private readonly List<T> buffer = new(window);

    /// <summary>Adds an item; once the window is full, returns a random earlier item to emit.</summary>
    public bool Push(T item, out T emitted)
    {
        if (buffer.Count < window)
        {
            buffer.Add(item);
            emitted = default!;
            return false;
        }

        var at = random.Next(buffer.Count);
        emitted = buffer[at];
        buffer[at] = item;
        return true;
    }

    /// <summary>The items still in the window, in random order.</summary>
    public IEnumerable<T> Drain()
    {
        for (var i = buffer.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (buffer[i], buffer[j]) = (buffer[j], buffer[i]);
        }

        foreach (var item in buffer)
        {
            yield return item;
        }

        buffer.Clear();
    }
}
