using System.Text;
using System.Text.Json;
using Llt.Sbe;
using Llt.Shell.Sinks.Events;

namespace Llt.Shell.Sinks.Postgres;

/// <summary>
/// One audit_log row: what happened (<see cref="Kind"/> and the details as a JSON object), when (the journal
/// time) and from where (<see cref="Source"/>: the operator's "llt@host" or the engine). Built from the journal's
/// control commands, the engine's answers to them and kill switch changes.
/// </summary>
internal sealed record AuditEntry(long Sequence, long TimestampNs, string Kind, string Source, long? CorrelationId, string DetailsJson)
{
    public static AuditEntry From(ControlEvent e) =>
        new(e.Sequence, e.TimestampNs, e.Command, e.Source, e.CorrelationId, Json(writer =>
        {
            foreach ((string name, string value) in e.Details)
            {
                writer.WriteString(name, value);
            }
        }));

    public static AuditEntry From(CommandResultEvent e) =>
        new(e.Sequence, e.TimestampNs, e.Kind, "engine", e.CorrelationId, Json(writer =>
        {
            writer.WriteString("command", JournalEventDecoder.MessageName(e.CommandTemplateId));
            writer.WriteString("status", e.Status.ToString());
            writer.WriteString("rejectReason", e.RejectReason.ToString());
            writer.WriteString("text", e.Text);
        }));

    public static AuditEntry From(KillSwitchEvent e) =>
        new(e.Sequence, e.TimestampNs, e.Kind, e.Source.Length > 0 ? e.Source : "engine", e.CorrelationId, Json(writer =>
        {
            writer.WriteBoolean("engaged", e.Engaged);
            writer.WriteString("breachType", e.BreachType?.ToString());
            writer.WriteNumber("canceledOrders", e.CanceledOrders);
            writer.WriteString("reason", e.Reason);
        }));

    /// <summary>StrategyControl as (strategy, enabled), or null when the command is not an enable/disable.</summary>
    public static (int StrategyId, bool Enabled)? StrategyState(ControlEvent e)
    {
        if (e.Command != "StrategyControl")
        {
            return null;
        }

        string? id = null;
        string? action = null;
        foreach ((string name, string value) in e.Details)
        {
            if (name == "strategyId")
            {
                id = value;
            }
            else if (name == "action")
            {
                action = value;
            }
        }

        if (!int.TryParse(id, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int strategyId))
        {
            return null;
        }

        return action switch
        {
            nameof(StrategyAction.Enable) => (strategyId, true),
            nameof(StrategyAction.Disable) => (strategyId, false),
            _ => null,
        };
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
