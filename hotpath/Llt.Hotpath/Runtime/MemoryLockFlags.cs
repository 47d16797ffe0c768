namespace Llt.Hotpath.Runtime;

/// <summary>Flags of <c>mlockall(2)</c>.</summary>
[Flags]
public enum MemoryLockFlags
{
    None = 0,

    /// <summary>MCL_CURRENT: lock every page mapped now.</summary>
    Current = 1,

    /// <summary>MCL_FUTURE: lock every page mapped later (heap growth, new rings) as it is mapped.</summary>
    Future = 2,

    /// <summary>MCL_ONFAULT: lock pages only once touched, instead of populating whole mappings.</summary>
    OnFault = 4,
}
