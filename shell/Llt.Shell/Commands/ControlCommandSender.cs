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

    /// <summary>Encodes a command carrying <paramref name="correlationId"/> into <paramref name="buffer"/>; returns its length.</summary>
    public delegate int Encoder(long correlationId, Span<byte> buffer);

    /// <summary>
    /// Encodes the command with the next correlation id from cmd.ring's own counter (unique across every
    /// process writing to the ring), writes it, and waits up to <paramref name="timeout"/> for the engine's answer.
    /// </summary>
    public static int Send(EngineEndpoint endpoint, int templateId, Encoder encode, TimeSpan timeout, TextWriter output)
    {
        using JournalTailer tailer = JournalTailer.OpenAtEnd(endpoint.Config.Journal.Directory);
        using RingBufferFile ringFile = RingBufferFile.Open(endpoint.Config.CmdRingPath);
        var ring = new ManyToOneRingBuffer(ringFile.Buffer);
        long correlationId = ring.NextCorrelationId();
        if (correlationId == 0)
        {
            // the engine answers a command it could not decode with correlation id 0: never wait on that one
            correlationId = ring.NextCorrelationId();
        }
        Span<byte> buffer = stackalloc byte[8 * 1024];
        int length = encode(correlationId, buffer);
        if (ring.Write(templateId, buffer[..length]) != WriteResult.Success)
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
