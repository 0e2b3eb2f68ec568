using Cdm.Bench.Generation;

namespace Cdm.Bench.Tests.Generation;

public sealed class WindowShuffleTests
{
    [Fact]
    public void Shuffle_EmitsEveryItemOnceAndMovesThem()
    {
        var shuffle = new WindowShuffle<int>(16, new Random(1));
        var output = new List<int>();
        for (var i = 0; i < 1000; i++)
        {
            if (shuffle.Push(i, out var emitted))
            {
                output.Add(emitted);
            }
        }

        output.AddRange(shuffle.Drain());

        Assert.Equal(Enumerable.Range(0, 1000), output.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), output);
    }
}
