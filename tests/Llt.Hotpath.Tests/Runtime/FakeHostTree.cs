namespace Llt.Hotpath.Tests.Runtime;

/// <summary>
/// A throw-away /proc + /sys tree for the tuning scripts (they read LLT_PROC, LLT_SYS_CPU, LLT_SYS_KERNEL_MM),
/// so the FAIL paths can be tested on a host that is not tuned and without touching the real kernel.
/// </summary>
internal sealed class FakeHostTree : IDisposable
{
    public FakeHostTree()
    {
        Root = Directory.CreateTempSubdirectory("llt-tuning-").FullName;
        Directory.CreateDirectory(Proc);
        Directory.CreateDirectory(SysCpu);
        Directory.CreateDirectory(SysKernelMm);
    }

    public string Root { get; }

    public string Proc => Path.Combine(Root, "proc");

    public string SysCpu => Path.Combine(Root, "sys/devices/system/cpu");

    public string SysKernelMm => Path.Combine(Root, "sys/kernel/mm");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["LLT_PROC"] = Proc,
        ["LLT_SYS_CPU"] = SysCpu,
        ["LLT_SYS_KERNEL_MM"] = SysKernelMm,
    };

    /// <summary>Writes <paramref name="content"/> to a path relative to the tree root, creating folders.</summary>
    public FakeHostTree Write(string relativePath, string content)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content + "\n");
        return this;
    }

    public string Read(string relativePath)
    {
        return File.ReadAllText(Path.Combine(Root, relativePath)).TrimEnd('\n');
    }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
    }
}
