namespace Llt.Codecs.Schema;

/// <summary>Whether a value must be present, may hold the null sentinel, or is fixed by the schema (not on the wire).</summary>
public enum Presence
{
    Required,
    Optional,
    Constant,
}
