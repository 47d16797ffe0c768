using Llt.Codecs.Runtime;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Journal;
using Llt.Sbe;

namespace Llt.Shell.Commands;

/// <summary>
/// Sends one SBE control command into a running engine's cmd.ring and waits for the engine's answer: the
/// CommandResult with the same correlation id in the journal. The journal is tailed from its end before the
/// command is written, so the answer cannot be missed.
/// </summary>
internal static class ControlCommandSender
{
    public const int ExitApplied = 0;
    public const int ExitRejected = 1;
    public const int ExitNoEngine = 3;
    public const int ExitTimeout = 4;

    /// <summary>Writes <paramref name="message"/> (a full SBE message) and waits up to <paramref name="timeout"/>.</summary>
    public static int Send(EngineEndpoint endpoint, int templateId, ReadOnlySpan<byte> message, long correlationId, TimeSpan timeout, TextWriter output)
    {
        using JournalTailer tailer = JournalTailer.OpenAtEnd(endpoint.Config.Journal.Directory);
        using RingBufferFile ringFile = RingBufferFile.Open(endpoint.Config.CmdRingPath);
        var ring = new ManyToOneRingBuffer(ringFile.Buffer);
        if (ring.Write(templateId, message) != WriteResult.Success)
        {
            output.WriteLine($"cmd.ring {endpoint.Config.CmdRingPath} is full: the engine is not consuming commands");
            return ExitNoEngine;
        }

        DateTime deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            JournalReadResult read = tailer.TryRead(out JournalFrame frame);
            if (read == JournalReadResult.FrameRead)
            {
                if (frame.Type == CommandResultDecoder.TemplateId
                    && CommandResultDecoder.TryDecode(frame.Payload, 0, out CommandResultDecoder result, out SbeError _) == SbeDecodeStatus.Ok
                    && result.CorrelationId == correlationId)
                {
                    CommandStatus status = result.Status;
                    RejectReason reason = result.RejectReason;
                    string text = result.GetTextAsString();
                    output.WriteLine(status == CommandStatus.Applied
                        ? $"applied (journal seq {frame.Sequence}): {text}"
                        : $"rejected ({reason}) (journal seq {frame.Sequence}): {text}");
                    return status == CommandStatus.Applied ? ExitApplied : ExitRejected;
                }

                continue;
            }

            Thread.Sleep(5);
        }

        output.WriteLine($"no answer from engine '{endpoint.Config.Name}' within {timeout.TotalSeconds:0.#}s (correlation id {correlationId}); is it running?");
        return ExitTimeout;
    }

    /// <summary>"cli:user@host": who issued a command, for the audit trail.</summary>
    public static string Source() => $"cli:{Environment.UserName}@{Environment.MachineName}";
}
