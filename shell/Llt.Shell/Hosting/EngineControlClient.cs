using System.Buffers;
using System.Globalization;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Config;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Journal;
using Llt.Sbe;
using Llt.Shell.Configuration;

namespace Llt.Shell.Hosting;

/// <summary>
/// Sends control commands (SetLimit, StrategyControl, KillSwitchCommand) into a running engine's cmd.ring and
/// waits for its answer: the CommandResult with the same correlation id in the journal, tailed from its end
/// before the command is written so the answer cannot be missed. Correlation ids come from cmd.ring's own
/// counter (unique across every writer). The engine journals every applied command itself, so the journal alone
/// says which limits, strategies and venue states are in force (<see cref="JournalProjection"/>).
/// </summary>
public sealed class EngineControlClient
{
    private const int BufferLength = 8 * 1024;

    public EngineControlClient(EngineConfig engine, string source)
    {
        Engine = engine;
        Source = source;
    }

    public EngineConfig Engine { get; }

    /// <summary>Who sends, for the audit trail ("cli:user@host", "shell:run").</summary>
    public string Source { get; }

    /// <summary>"cli:user@host".</summary>
    public static string CliSource() => $"cli:{Environment.UserName}@{Environment.MachineName}";

    public Task<ControlOutcome> SetLimitAsync(LimitRequest limit, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        string source = Source;
        return SendAsync(SetLimitEncoder.TemplateId, (correlationId, buffer) =>
        {
            var encoder = SetLimitEncoder.WrapAndApplyHeader(buffer, 0);
            encoder.SetCorrelationId(correlationId);
            encoder.SetLimitType(limit.Kind.Type);
            encoder.SetScope(limit.Scope);
            encoder.SetStrategyId(limit.Scope == LimitScope.Strategy ? (short)limit.StrategyId : SetLimitEncoder.StrategyIdNullValue);
            encoder.SetInstrumentId(limit.Scope == LimitScope.Instrument ? limit.InstrumentId : SetLimitEncoder.InstrumentIdNullValue);
            encoder.SetValue(limit.RawValue);
            encoder.SetSource(source);
            return SetLimitEncoder.HeaderLength + encoder.EncodedLength;
        }, timeout, cancellationToken);
    }

    public Task<ControlOutcome> SetStrategyEnabledAsync(int strategyId, bool enable, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        string source = Source;
        return SendAsync(StrategyControlEncoder.TemplateId, (correlationId, buffer) =>
        {
            var encoder = StrategyControlEncoder.WrapAndApplyHeader(buffer, 0);
            encoder.SetCorrelationId(correlationId);
            encoder.SetStrategyId((short)strategyId);
            encoder.SetAction(enable ? StrategyAction.Enable : StrategyAction.Disable);
            encoder.SetSource(source);
            return StrategyControlEncoder.HeaderLength + encoder.EncodedLength;
        }, timeout, cancellationToken);
    }

    public Task<ControlOutcome> SetVenueUpAsync(int venueId, bool up, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        string source = Source;
        return SendAsync(VenueControlEncoder.TemplateId, (correlationId, buffer) =>
        {
            var encoder = VenueControlEncoder.WrapAndApplyHeader(buffer, 0);
            encoder.SetCorrelationId(correlationId);
            encoder.SetVenueId((short)venueId);
            encoder.SetStatus(up ? VenueStatus.Up : VenueStatus.Down);
            encoder.SetSource(source);
            return VenueControlEncoder.HeaderLength + encoder.EncodedLength;
        }, timeout, cancellationToken);
    }

    public Task<ControlOutcome> KillSwitchAsync(bool engage, string reason, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        string source = Source;
        return SendAsync(KillSwitchCommandEncoder.TemplateId, (correlationId, buffer) =>
        {
            var encoder = KillSwitchCommandEncoder.WrapAndApplyHeader(buffer, 0);
            encoder.SetCorrelationId(correlationId);
            encoder.SetAction(engage ? KillSwitchAction.Engage : KillSwitchAction.Resume);
            encoder.SetSource(source);
            encoder.SetReason(reason);
            return KillSwitchCommandEncoder.HeaderLength + encoder.EncodedLength;
        }, timeout, cancellationToken);
    }

    /// <summary>Writes one command and waits for its CommandResult; never throws for a missing or dead engine.</summary>
    public async Task<ControlOutcome> SendAsync(int templateId, ControlCommandEncoder encode, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        if (!EngineLiveness.IsRunning(Engine, out string? why))
        {
            return new ControlOutcome(ControlStatus.NoEngine, 0, why, 0, RejectReason.None, 0);
        }

        JournalTailer tailer;
        long correlationId;
        try
        {
            tailer = JournalTailer.OpenAtEnd(Engine.Journal.Directory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            return new ControlOutcome(ControlStatus.NoEngine, 0, $"journal {Engine.Journal.Directory} not readable: {e.Message}", 0, RejectReason.None, 0);
        }

        using (tailer)
        {
            try
            {
                if (!TryWrite(templateId, encode, out correlationId, out string? writeError))
                {
                    return new ControlOutcome(ControlStatus.NoEngine, correlationId, writeError ?? "could not write the command", 0, RejectReason.None, 0);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return new ControlOutcome(ControlStatus.NoEngine, 0, $"engine '{Engine.Name}' not reachable: {e.Message}", 0, RejectReason.None, 0);
            }

            DateTime deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                if (TryFindResult(tailer, correlationId, out ControlOutcome? outcome))
                {
                    return outcome;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    break;
                }

                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }

            return new ControlOutcome(ControlStatus.Timeout, correlationId,
                $"no answer from engine '{Engine.Name}' within {timeout.TotalSeconds:0.#}s (correlation id {correlationId})", 0, RejectReason.None, 0);
        }
    }

    private bool TryWrite(int templateId, ControlCommandEncoder encode, out long correlationId, out string? error)
    {
        using RingBufferFile ringFile = RingBufferFile.Open(Engine.CmdRingPath);
        var ring = new ManyToOneRingBuffer(ringFile.Buffer);
        correlationId = ring.NextCorrelationId();
        if (correlationId == 0)
        {
            // the engine answers a command it could not decode with correlation id 0: never wait on that one
            correlationId = ring.NextCorrelationId();
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferLength);
        try
        {
            int length = encode(correlationId, buffer.AsSpan(0, BufferLength));
            if (ring.Write(templateId, buffer.AsSpan(0, length)) != WriteResult.Success)
            {
                error = $"cmd.ring {Engine.CmdRingPath} is full: the engine is not consuming commands";
                return false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        error = null;
        return true;
    }

    private static bool TryFindResult(JournalTailer tailer, long correlationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ControlOutcome? outcome)
    {
        while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
        {
            if (frame.Type == CommandResultDecoder.TemplateId
                && CommandResultDecoder.TryDecode(frame.Payload, 0, out CommandResultDecoder result, out SbeError _) == SbeDecodeStatus.Ok
                && result.CorrelationId == correlationId)
            {
                CommandStatus status = result.Status;
                RejectReason reason = result.RejectReason;
                long ts = (long)result.Ts;
                outcome = new ControlOutcome(status == CommandStatus.Applied ? ControlStatus.Applied : ControlStatus.Rejected,
                    correlationId, result.GetTextAsString(), frame.Sequence, reason, ts);
                return true;
            }
        }

        outcome = null;
        return false;
    }
}
