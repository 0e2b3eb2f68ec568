namespace Cdm.UnitTests.Storage;

public enum TestColour
{
    Red,
    Green,
    Blue,
}
