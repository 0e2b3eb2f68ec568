namespace Cdm.Grains.Normalisation;

/// <summary>Cleans the values of one kind of attribute. Implementations are immutable and thread-safe.</summary>
public interface IAttributeNormaliser
{
    /// <summary>Normalises one value as a source sent it.</summary>
    NormalisedValue Normalise(string value);
}
