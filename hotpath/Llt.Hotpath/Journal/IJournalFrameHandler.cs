namespace Llt.Hotpath.Journal;

/// <summary>
/// Receives frames from <see cref="JournalTailer.Poll{THandler}"/>. Implement it on a struct (passed by ref)
/// or a sealed class; the generic call is devirtualised, so neither boxes nor allocates.
/// </summary>
/// <example>
/// <code>
/// struct CountingHandler : IJournalFrameHandler
/// {
///     public long Count;
///     public void OnFrame(in JournalFrame frame) => Count++;
/// }
/// var handler = new CountingHandler();
/// int read = tailer.Poll(ref handler, frameLimit: 64);
/// </code>
/// </example>
public interface IJournalFrameHandler
{
    void OnFrame(in JournalFrame frame);
}
