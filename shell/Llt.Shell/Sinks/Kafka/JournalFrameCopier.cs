using Llt.Hotpath.Journal;

namespace Llt.Shell.Sinks.Kafka;

/// <summary>
/// Copies the SBE payloads of the journal frames a batch was decoded from, so the Kafka sink publishes the frames
/// exactly as journaled (the decoded events keep only what the stores need). A tailer of its own follows the
/// sink's batches; a batch that does not continue where the last one ended (after a failure and reopen) reopens
/// it at the batch's first sequence.
/// </summary>
public sealed class JournalFrameCopier : IDisposable
{
    private readonly string _directory;
    private JournalTailer? _tailer;
    private long _next;

    public JournalFrameCopier(string directory)
    {
        _directory = directory;
    }

    /// <summary>The payload of the frame with this sequence; sequences must be asked for in increasing order.</summary>
    public byte[] Copy(long sequence)
    {
        if (_tailer is null || sequence < _next)
        {
            _tailer?.Dispose();
            // The sink's own tailer verified these frames' checksums when it decoded them: not twice.
            _tailer = JournalTailer.OpenAtSequence(_directory, sequence, verifyChecksums: false);
        }

        while (true)
        {
            JournalReadResult result = _tailer.TryRead(out JournalFrame frame);
            if (result != JournalReadResult.FrameRead)
            {
                throw new InvalidOperationException(
                    $"journal {_directory}: frame {sequence} could not be read again for publishing ({result})");
            }

            _next = frame.Sequence + 1;
            if (frame.Sequence == sequence)
            {
                return frame.Payload.ToArray();
            }

            if (frame.Sequence > sequence)
            {
                throw new InvalidOperationException($"journal {_directory}: frame {sequence} is no longer in the journal (next is {frame.Sequence})");
            }
        }
    }

    public void Dispose()
    {
        _tailer?.Dispose();
        _tailer = null;
    }
}
