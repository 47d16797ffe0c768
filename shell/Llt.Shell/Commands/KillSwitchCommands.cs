using System.CommandLine;
using Llt.Hotpath.Config;
using Llt.Sbe;

namespace Llt.Shell.Commands;

/// <summary>`llt kill` and `llt resume`: latch or release the engine's kill switch, confirmed by its journal.</summary>
internal static class KillSwitchCommands
{
    public static Command CreateKill() => Create("kill", "Engage the kill switch: stop all new orders and cancel open ones (latches until resume)", KillSwitchAction.Engage);

    public static Command CreateResume() => Create("resume", "Release the kill switch", KillSwitchAction.Resume);

    private static Command Create(string name, string description, KillSwitchAction action)
    {
        var config = new Option<string>("--config") { Description = "Engine config (default: ./llt.json if present, else embedded defaults)" };
        var engine = new Option<string>("--engine") { Description = "Engine name (overrides the config's engine.name)" };
        var reason = new Option<string>("--reason") { Description = "Why, for the audit trail", DefaultValueFactory = _ => "" };
        var timeout = new Option<int>("--timeout-ms") { Description = "How long to wait for the engine's confirmation", DefaultValueFactory = _ => 5000 };
        var command = new Command(name, description) { config, engine, reason, timeout };
        command.SetAction(parseResult =>
        {
            EngineEndpoint endpoint;
            try
            {
                endpoint = EngineEndpoint.Resolve(parseResult.GetValue(config), parseResult.GetValue(engine));
            }
            catch (ConfigException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            string reasonText = parseResult.GetValue(reason) ?? "";
            string source = ControlCommandSender.Source();
            try
            {
                return ControlCommandSender.Send(endpoint, KillSwitchCommandEncoder.TemplateId, (correlationId, buffer) =>
                {
                    var encoder = KillSwitchCommandEncoder.WrapAndApplyHeader(buffer, 0);
                    encoder.SetCorrelationId(correlationId);
                    encoder.SetAction(action);
                    encoder.SetSource(source);
                    encoder.SetReason(reasonText);
                    return KillSwitchCommandEncoder.HeaderLength + encoder.EncodedLength;
                }, TimeSpan.FromMilliseconds(parseResult.GetValue(timeout)), Console.Out);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"engine '{endpoint.Config.Name}' not reachable: {e.Message}");
                return ControlCommandSender.ExitNoEngine;
            }
        });
        return command;
    }
}
