using System.Text.Unicode;
using Llt.Codecs.Runtime;
using Llt.Hotpath.Ipc;
using Llt.Hotpath.Memory;
using Llt.Hotpath.Risk;
using Llt.Hotpath.Runtime;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Drains cmd.ring: operators' and the shell's control commands (kill switch, limits, strategies, venues).
/// Every command, applied or refused, produces a CommandResult in the journal carrying its correlation id,
/// which is how a CLI learns what the engine did; an applied command is journaled too (the command message
/// itself, or for the kill switch its new KillSwitchState), so the journal alone rebuilds the limits, the
/// enabled strategies and the venues' states an operator set.
/// </summary>
public sealed class ControlAgent : IAgent
{
    private const int BatchLimit = 64;

    private readonly RingBuffer _ring;
    private Handler _handler;

    public ControlAgent(RingBuffer ring, EventJournal journal, EngineCounters counters, INanoClock clock, KillSwitch killSwitch, RiskLimits limits, StrategyHost strategies, ExecutionPipeline? execution = null)
    {
        _ring = ring;
        _handler = new Handler(journal, counters, clock, killSwitch, limits, strategies, execution);
    }

    public string RoleName => "control";

    public int DoWork() => _ring.Read(ref _handler, BatchLimit);

    private struct Handler : IMessageHandler
    {
        private readonly EventJournal _journal;
        private readonly EngineCounters _counters;
        private readonly INanoClock _clock;
        private readonly KillSwitch _killSwitch;
        private readonly RiskLimits _limits;
        private readonly byte[] _text;
        private readonly byte[] _source;
        private readonly byte[] _reason;
        private readonly StrategyHost _strategies;
        private readonly ExecutionPipeline? _execution;

        public Handler(EventJournal journal, EngineCounters counters, INanoClock clock, KillSwitch killSwitch, RiskLimits limits, StrategyHost strategies, ExecutionPipeline? execution)
        {
            _execution = execution;
            _strategies = strategies;
            _journal = journal;
            _counters = counters;
            _clock = clock;
            _killSwitch = killSwitch;
            _limits = limits;
            _text = new byte[512];
            _source = new byte[256];
            _reason = new byte[4096];
        }

        public void OnMessage(int msgTypeId, UnsafeBuffer buffer, int index, int length)
        {
            long startNs = _clock.NanoTime();
            _counters.CmdReceived.Increment();
            ReadOnlySpan<byte> message = buffer.AsSpan(index, length);
            switch (msgTypeId)
            {
                case KillSwitchCommandDecoder.TemplateId:
                    OnKillSwitch(message);
                    break;
                case SetLimitDecoder.TemplateId:
                    OnSetLimit(message);
                    break;
                case StrategyControlDecoder.TemplateId:
                    OnStrategyControl(message);
                    break;
                case VenueControlDecoder.TemplateId:
                    OnVenueControl(message);
                    break;
                default:
                    Utf8.TryWrite(_text, $"msgTypeId {msgTypeId} is not a control command", out int n);
                    Result(0, msgTypeId, CommandStatus.Rejected, RejectReason.None, n);
                    break;
            }

            _counters.CmdLatency.Record(_clock.NanoTime() - startNs);
        }

        private void OnKillSwitch(ReadOnlySpan<byte> message)
        {
            if (KillSwitchCommandDecoder.TryDecode(message, 0, out KillSwitchCommandDecoder command, out SbeError error) != SbeDecodeStatus.Ok)
            {
                Malformed(KillSwitchCommandDecoder.TemplateId, error);
                return;
            }

            long correlationId = command.CorrelationId;
            KillSwitchAction action = command.Action;
            // var data must be read in schema order: source, then reason
            ReadOnlySpan<byte> source = command.GetSource();
            source.CopyTo(_source);
            int sourceLength = source.Length;
            ReadOnlySpan<byte> reason = command.GetReason();
            reason.CopyTo(_reason);
            int reasonLength = reason.Length;

            long now = _journal.EpochNanoTime();
            bool changed;
            if (action == KillSwitchAction.Engage)
            {
                changed = _killSwitch.Engage(now);
            }
            else if (action == KillSwitchAction.Resume)
            {
                changed = _killSwitch.Resume();
            }
            else
            {
                Utf8.TryWrite(_text, $"unknown kill switch action {(byte)action}", out int n);
                Result(correlationId, KillSwitchCommandDecoder.TemplateId, CommandStatus.Rejected, RejectReason.None, n);
                return;
            }

            _counters.KillSwitchEngaged.Set(_killSwitch.IsEngaged ? 1 : 0);
            // Engaging cancels every open order at every venue; the risk gate already refuses new ones.
            int canceled = changed && _killSwitch.IsEngaged && _execution is not null ? _execution.CancelAll(_clock.NanoTime()) : 0;
            if (changed)
            {
                var state = KillSwitchStateEncoder.WrapAndApplyHeader(_journal.ClearedScratch(KillSwitchStateEncoder.HeaderLength + KillSwitchStateEncoder.BlockLength), 0);
                state.SetEngaged(_killSwitch.IsEngaged ? BooleanType.True : BooleanType.False);
                state.SetBreachType(BreachType.NullValue);
                state.SetCanceledOrders((uint)canceled);
                state.SetCorrelationId(correlationId);
                state.SetTs((ulong)now);
                state.SetSource(_source.AsSpan(0, sourceLength));
                state.SetReason(_reason.AsSpan(0, reasonLength));
                _journal.AppendScratch(KillSwitchStateEncoder.TemplateId, KillSwitchStateEncoder.HeaderLength + state.EncodedLength);
            }

            int textLength;
            if (changed)
            {
                Utf8.TryWrite(_text, $"kill switch {(_killSwitch.IsEngaged ? "engaged" : "released")}", out textLength);
            }
            else
            {
                Utf8.TryWrite(_text, $"kill switch already {(_killSwitch.IsEngaged ? "engaged" : "released")}", out textLength);
            }

            Result(correlationId, KillSwitchCommandDecoder.TemplateId, CommandStatus.Applied, RejectReason.None, textLength);
        }

        private void OnSetLimit(ReadOnlySpan<byte> message)
        {
            if (SetLimitDecoder.TryDecode(message, 0, out SetLimitDecoder command, out SbeError error) != SbeDecodeStatus.Ok)
            {
                Malformed(SetLimitDecoder.TemplateId, error);
                return;
            }

            long correlationId = command.CorrelationId;
            LimitType type = command.LimitType;
            LimitScope scope = command.Scope;
            int instrumentId = command.InstrumentId;
            int strategyId = command.StrategyId;
            long value = command.Value;
            string? refusal = _limits.TrySet(type, scope, instrumentId, strategyId, value);
            if (refusal is not null)
            {
                Utf8.TryWrite(_text, $"{refusal}", out int n);
                Result(correlationId, SetLimitDecoder.TemplateId, CommandStatus.Rejected, RejectReason.None, n);
                return;
            }

            _journal.Append(SetLimitDecoder.TemplateId, message);
            Utf8.TryWrite(_text, $"{type} limit for {scope} set to {value}", out int length);
            Result(correlationId, SetLimitDecoder.TemplateId, CommandStatus.Applied, RejectReason.None, length);
        }

        private void OnStrategyControl(ReadOnlySpan<byte> message)
        {
            if (StrategyControlDecoder.TryDecode(message, 0, out StrategyControlDecoder command, out SbeError error) != SbeDecodeStatus.Ok)
            {
                Malformed(StrategyControlDecoder.TemplateId, error);
                return;
            }

            int strategyId = command.StrategyId;
            StrategyAction action = command.Action;
            if (action != StrategyAction.Enable && action != StrategyAction.Disable)
            {
                Utf8.TryWrite(_text, $"unknown strategy action {(byte)action}", out int bad);
                Result(command.CorrelationId, StrategyControlDecoder.TemplateId, CommandStatus.Rejected, RejectReason.None, bad);
                return;
            }

            if (!_strategies.SetEnabled(strategyId, action == StrategyAction.Enable))
            {
                Utf8.TryWrite(_text, $"strategyId {strategyId} is not configured (0..{_strategies.Count - 1})", out int n);
                Result(command.CorrelationId, StrategyControlDecoder.TemplateId, CommandStatus.Rejected, RejectReason.UnknownStrategy, n);
                return;
            }

            _journal.Append(StrategyControlDecoder.TemplateId, message);
            Utf8.TryWrite(_text, $"strategy {strategyId} {(action == StrategyAction.Enable ? "enabled" : "disabled")}", out int length);
            Result(command.CorrelationId, StrategyControlDecoder.TemplateId, CommandStatus.Applied, RejectReason.None, length);
        }

        private void OnVenueControl(ReadOnlySpan<byte> message)
        {
            if (VenueControlDecoder.TryDecode(message, 0, out VenueControlDecoder command, out SbeError error) != SbeDecodeStatus.Ok)
            {
                Malformed(VenueControlDecoder.TemplateId, error);
                return;
            }

            long correlationId = command.CorrelationId;
            int venueId = command.VenueId;
            VenueStatus status = command.Status;
            if (status != VenueStatus.Up && status != VenueStatus.Down)
            {
                Utf8.TryWrite(_text, $"unknown venue status {(byte)status}", out int bad);
                Result(correlationId, VenueControlDecoder.TemplateId, CommandStatus.Rejected, RejectReason.None, bad);
                return;
            }

            if (_execution is null || !_execution.SetVenueUp(venueId, status == VenueStatus.Up))
            {
                int count = _execution?.VenueCount ?? 0;
                Utf8.TryWrite(_text, $"venueId {venueId} is not configured ({count} venues)", out int n);
                Result(correlationId, VenueControlDecoder.TemplateId, CommandStatus.Rejected, RejectReason.None, n);
                return;
            }

            _journal.Append(VenueControlDecoder.TemplateId, message);
            Utf8.TryWrite(_text, $"venue {venueId} {_execution.VenueName(venueId)} {(status == VenueStatus.Up ? "up" : "down")}", out int length);
            Result(correlationId, VenueControlDecoder.TemplateId, CommandStatus.Applied, RejectReason.None, length);
        }

        private void Malformed(int templateId, SbeError error)
        {
            Utf8.TryWrite(_text, $"malformed command: {error.Reason} at offset {error.Offset}", out int n);
            Result(0, templateId, CommandStatus.Rejected, RejectReason.None, n);
        }

        private void Result(long correlationId, int templateId, CommandStatus status, RejectReason reason, int textLength)
        {
            if (status == CommandStatus.Applied)
            {
                _counters.CmdApplied.Increment();
            }
            else
            {
                _counters.CmdRejected.Increment();
            }

            var result = CommandResultEncoder.WrapAndApplyHeader(_journal.ClearedScratch(CommandResultEncoder.HeaderLength + CommandResultEncoder.BlockLength), 0);
            result.SetCorrelationId(correlationId);
            result.SetCommandTemplateId((ushort)templateId);
            result.SetStatus(status);
            result.SetRejectReason(reason);
            result.SetTs((ulong)_journal.EpochNanoTime());
            result.SetText(_text.AsSpan(0, textLength));
            _journal.AppendScratch(CommandResultEncoder.TemplateId, CommandResultEncoder.HeaderLength + result.EncodedLength);
        }
    }
}
