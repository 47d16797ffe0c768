using Llt.Codecs.Runtime;
using Llt.Hotpath.Journal;
using Llt.Hotpath.Risk;
using Llt.Hotpath.Strategies;
using Llt.Sbe;

namespace Llt.Hotpath.Engine;

/// <summary>
/// Restores what operators changed at runtime from the journal after a restart, so the engine comes back as it
/// was left rather than as llt.json describes it: every applied SetLimit (the engine journals a command only once
/// it applied it), strategies enabled or disabled, venues marked down or up, and the kill switch — a switch that
/// was latched stays latched until someone resumes it. Commands the new configuration cannot take (a strategy or
/// instrument no longer configured) are counted and skipped.
/// </summary>
public static class ControlStateRecovery
{
    public static ControlStateRecoveryResult Replay(
        string journalDirectory, RiskLimits limits, StrategyHost strategies, ExecutionPipeline execution, KillSwitch killSwitch)
    {
        if (!Directory.Exists(journalDirectory) || JournalDirectory.ListSegmentIndices(journalDirectory).Count == 0)
        {
            return default;
        }

        return Replay([new JournalHistoryPart(journalDirectory, -1)], limits, strategies, execution, killSwitch);
    }

    /// <summary>Replays every part of <paramref name="history"/>, oldest first.</summary>
    public static ControlStateRecoveryResult Replay(
        IReadOnlyList<JournalHistoryPart> history, RiskLimits limits, StrategyHost strategies, ExecutionPipeline execution, KillSwitch killSwitch)
    {
        int applied = 0;
        int skipped = 0;
        bool killSwitchEngaged = false;
        long killSwitchTs = 0;
        foreach (JournalHistoryPart part in history)
        {
            using JournalTailer tailer = part.Open();
            while (tailer.TryRead(out JournalFrame frame) == JournalReadResult.FrameRead)
            {
                ReadOnlySpan<byte> payload = frame.Payload;
                switch (frame.Type)
                {
                    case SetLimitDecoder.TemplateId when SetLimitDecoder.TryDecode(payload, 0, out SetLimitDecoder limit, out SbeError _) == SbeDecodeStatus.Ok:
                        Count(limits.TrySet(limit.LimitType, limit.Scope, limit.InstrumentId, limit.StrategyId, limit.Value) is null, ref applied, ref skipped);
                        break;
                    case StrategyControlDecoder.TemplateId when StrategyControlDecoder.TryDecode(payload, 0, out StrategyControlDecoder control, out SbeError _) == SbeDecodeStatus.Ok:
                        Count(control.Action is StrategyAction.Enable or StrategyAction.Disable
                            && strategies.SetEnabled(control.StrategyId, control.Action == StrategyAction.Enable), ref applied, ref skipped);
                        break;
                    case VenueControlDecoder.TemplateId when VenueControlDecoder.TryDecode(payload, 0, out VenueControlDecoder venue, out SbeError _) == SbeDecodeStatus.Ok:
                        Count(venue.Status is VenueStatus.Up or VenueStatus.Down && execution.SetVenueUp(venue.VenueId, venue.Status == VenueStatus.Up), ref applied, ref skipped);
                        break;
                    case KillSwitchStateDecoder.TemplateId when KillSwitchStateDecoder.TryDecode(payload, 0, out KillSwitchStateDecoder state, out SbeError _) == SbeDecodeStatus.Ok:
                        killSwitchEngaged = state.Engaged == BooleanType.True;
                        killSwitchTs = (long)state.Ts;
                        break;
                }
            }
        }

        if (killSwitchEngaged)
        {
            killSwitch.Engage(killSwitchTs);
        }

        return new ControlStateRecoveryResult(applied, skipped, killSwitchEngaged);
    }

    private static void Count(bool ok, ref int applied, ref int skipped)
    {
        if (ok)
        {
            applied++;
        }
        else
        {
            skipped++;
        }
    }
}

/// <summary>What <c>ControlStateRecovery.Replay</c> restored.</summary>
public readonly record struct ControlStateRecoveryResult(int Applied, int Skipped, bool KillSwitchEngaged);
