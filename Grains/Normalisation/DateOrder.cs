namespace Cdm.Grains.Normalisation;

/// <summary>How to read an ambiguous numeric date such as <c>03/04/2001</c>.</summary>
public enum DateOrder
{
    /// <summary>Day first: <c>03/04/2001</c> is 3 April 2001.</summary>
    Dmy,

    /// <summary>Month first: <c>03/04/2001</c> is 4 March 2001.</summary>
    Mdy,
}
