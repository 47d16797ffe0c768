namespace Llt.Shell.Sinks.Events;

/// <summary>Which order request an <see cref="OrderEvent"/> is.</summary>
public enum OrderAction
{
    New,
    Cancel,
    Replace,
}
