namespace Cdm.Bench.Truth;

/// <summary>Disjoint sets over 0..n-1 whose representative is always the smallest member.</summary>
public sealed class UnionFind
{
    private readonly List<int> parent = [];

    public int Count => parent.Count;

    /// <summary>Adds a new singleton set and returns its element.</summary>
    public int Add()
    {
        parent.Add(parent.Count);
        return parent.Count - 1;
    }

    public int Find(int element)
    {
        while (parent[element] != element)
        {
            // Path halving keeps the trees shallow without recursion.
            parent[element] = parent[parent[element]];
            element = parent[element];
        }

        return element;
    }

    public void Union(int a, int b)
    {
        var (rootA, rootB) = (Find(a), Find(b));
        if (rootA == rootB)
        {
            return;
        }

        // The smaller root wins, so a component's name does not depend on the order of unions.
        if (rootA < rootB)
        {
            parent[rootB] = rootA;
        }
        else
        {
            parent[rootA] = rootB;
        }
    }
}
