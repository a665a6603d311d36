package dev.heed.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The responder whose acknowledge and update APIs {@code heed ack} and {@code heed update} call, and the bearer token it presents: {@code --responder}
 * first, then {@code HEED_RESPONDER_URL} and {@code HEED_ACK_TOKEN}, then the endpoints file that {@code heed up}
 * writes (its responder and the demo agent's token). The token is never taken from the command line, where
 * other users of the machine could read it in the process list.
 */
record Responder(String url, String token) {
    static Responder resolve(CliArgs args, Map<String, String> env, Path localRunFile) {
        Properties local = OptionSources.localRun(localRunFile);
        String url = OptionSources.first(args.option("responder"), env.get("HEED_RESPONDER_URL"), local.getProperty("responder.url"))
                .orElseThrow(() -> new UsageException("no responder given: pass --responder URL, set HEED_RESPONDER_URL, or run ./heed up"));
        String token = OptionSources.first(Optional.empty(), env.get("HEED_ACK_TOKEN"), local.getProperty("ack.token"))
                .orElseThrow(() -> new UsageException("no token given: set HEED_ACK_TOKEN to an agent or team token of the acknowledge API"));
        return new Responder(url.replaceAll("/+$", ""), token);
    }
}
