using Llt.Sbe;

namespace Llt.Shell.Hosting;

/// <summary>The engine's answer to one control command, as journaled.</summary>
public sealed record CommandResultRow(long Sequence, long CorrelationId, int CommandTemplateId, CommandStatus Status, RejectReason Reason, long TsNs, string Text);
