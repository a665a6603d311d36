package dev.heed.cli;

import dev.heed.cli.local.DownCommand;
import dev.heed.cli.local.LocalRunConfig;
import dev.heed.cli.local.LocalRunException;
import dev.heed.cli.local.UpCommand;
import dev.heed.runtime.catalog.KafkaAccess;
import dev.heed.runtime.config.Settings;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code heed} command. Exit status: 0 done, 1 failed (Kafka, the registry or the responder refused), 2 wrong
 * usage. Every command works against any Kafka and Confluent-compatible registry (see {@link Endpoints}); {@code ack},
 * {@code update}, {@code resolve} and {@code reopen} against any responder (see {@link Responder}).
 */
public final class Heed {
    static final String USAGE = """
            usage: heed <command> [options]
              send   --text T [--rating 1-5] [--email E] [--name N] [--source S] [--channel C] [--subject S] [--reference R] [--id ID]
              ack    <complaint-id> [--agent NAME] [--note N] [--next-update ISO-TIME] [--responder URL]
                     through the responder's acknowledge API, with the token in HEED_ACK_TOKEN
              update <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--delay] [--agent NAME] [--update-id ID] [--responder URL]
                     an update to the customer of an acknowledged complaint, through the responder's update API (same token)
              resolve <complaint-id> --message TEXT [--agent NAME] [--update-id ID] [--responder URL]
                     resolves the complaint (acknowledged or not) and tells the customer the resolution, through the responder's API
              reopen <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--agent NAME] [--update-id ID] [--responder URL]
                     reopens a resolved complaint and tells the customer, through the responder's API
              problem link|unlink <problem-id> <complaint-id> [--agent NAME] [--event-id ID] [--responder URL]
              problem resolve <problem-id> --message TEXT [--agent NAME] [--event-id ID] [--responder URL]
                     links complaints to a known problem; resolving it tells every linked customer whose complaint is open, once
              wait-on-customer | wait-on-third-party <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--agent NAME] [--update-id ID] [--responder URL]
                     puts an open complaint on hold (its resolution clock pauses) and tells the customer, through the responder's API
              resume <complaint-id> --message TEXT [--next-update-by ISO-TIME] [--agent NAME] [--update-id ID] [--responder URL]
                     takes it off hold (a customer's reply does too) and tells the customer
              tail   <topic> [--from-beginning] [--id COMPLAINT] [--max N] [--for SECONDS]
              status
              erase  (--email E | --customer-id ID | --feedback-id ID ...) [--dry-run]
                     reports one customer's records in every topic and tombstones them on complaints.state (docs/personal-data.md)
              replay --policies TEXT [--calendars TEXT] [--until ISO-TIME] [--json]
                     every complaint's SLA clock again under candidate policies (HEED_SLA_POLICIES format), beside the
                     live ones (this environment's HEED_SLA_*), up to --until (now); reads the topics, writes nothing
              acls   the ACLs each service and this CLI need on a cluster that authorizes (docs/security.md), as
                     kafka-acls commands for HEED_TOPIC_SUFFIX, HEED_ROUTING_APPLICATION_ID and HEED_RESPONDER_GROUP_ID
              up     [--demo] [--time-scale N] [--secure]   the whole pipeline on this machine (Ctrl-C stops it);
                     --demo posts a steady mix of feedback and runs SLA times 60x faster unless --time-scale says otherwise;
                     --secure: Kafka takes only SASL_SSL with SCRAM, each service and this CLI as its own user with its ACLs
              down                        stops what up started
            send, tail, status, erase and replay take --bootstrap HOST:PORT and --registry URL (or HEED_BOOTSTRAP_SERVERS, HEED_REGISTRY_URL);
            ack, update, resolve, reopen, wait-on-*, resume and problem take --responder URL (or HEED_RESPONDER_URL); without them, the local run started by ./heed up""";
    private static final Set<String> CONNECTION = Set.of("bootstrap", "registry");

    private Heed() {}

    public static void main(String[] argv) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> interrupted.set(true)));
        System.exit(run(Arrays.asList(argv), System.getenv(), System.out, System.err, interrupted));
    }

    static int run(List<String> argv, Map<String, String> env, PrintStream out, PrintStream err, AtomicBoolean interrupted) {
        if (argv.isEmpty() || argv.get(0).equals("help") || argv.get(0).equals("--help")) {
            out.println(USAGE);
            return argv.isEmpty() ? 2 : 0;
        }
        String command = argv.get(0);
        List<String> rest = argv.subList(1, argv.size());
        try {
            return switch (command) {
                case "send" -> new SendCommand(Clock.systemUTC()).run(parse(rest, SendCommand.OPTIONS, Set.of()), clients(rest, env, SendCommand.OPTIONS, Set.of()), out);
                case "ack" -> ack(rest, env, out, err);
                case "update" -> update(UpdateCommand.Action.UPDATE, rest, env, out, err);
                case "resolve" -> update(UpdateCommand.Action.RESOLVE, rest, env, out, err);
                case "reopen" -> update(UpdateCommand.Action.REOPEN, rest, env, out, err);
                case "problem" -> problem(rest, env, out, err);
                case "wait-on-customer" -> update(UpdateCommand.Action.WAIT_ON_CUSTOMER, rest, env, out, err);
                case "wait-on-third-party" -> update(UpdateCommand.Action.WAIT_ON_THIRD_PARTY, rest, env, out, err);
                case "resume" -> update(UpdateCommand.Action.RESUME, rest, env, out, err);
                case "tail" -> new TailCommand(interrupted::get).run(parse(rest, TailCommand.OPTIONS, TailCommand.SWITCHES), clients(rest, env, TailCommand.OPTIONS, TailCommand.SWITCHES), out);
                case "up" -> up(rest, env, out);
                case "down" -> new DownCommand(LocalRunConfig.from(Path.of("").toAbsolutePath(), env)).run(out);
                case "erase" -> new EraseCommand().run(parse(rest, ErasureRequest.OPTIONS, ErasureRequest.SWITCHES),
                        clients(rest, env, ErasureRequest.OPTIONS, ErasureRequest.SWITCHES), out, err);
                case "acls" -> acls(rest, env, out);
                case "replay" -> replay(rest, env, out);
                case "status" -> new StatusCommand().run(parse(rest, Set.of(), Set.of()), clients(rest, env, Set.of(), Set.of()), out);
                default -> throw new UsageException("unknown command " + command + "\n" + USAGE);
            };
        } catch (LocalRunException e) {
            err.println("heed " + command + ": " + e.getMessage());
            return 1;
        } catch (UsageException e) {
            err.println("heed: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("heed " + command + " failed: " + rootMessage(e));
            return 1;
        }
    }

    // acls reads only the variables that name topics, groups and transactional ids: it connects to nothing.
    private static int acls(List<String> words, Map<String, String> env, PrintStream out) {
        if (!CliArgs.parse(words, Set.of(), Set.of()).positionals().isEmpty()) {
            throw new UsageException("acls takes no arguments: it reads HEED_TOPIC_SUFFIX, HEED_ROUTING_APPLICATION_ID and HEED_RESPONDER_GROUP_ID");
        }
        out.print(KafkaAccess.from(new Settings(env)).kafkaAclsCommands());
        return 0;
    }

    // ack talks to the responder's API, not to Kafka: it takes --responder rather than --bootstrap and --registry.
    private static int ack(List<String> words, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        CliArgs args = CliArgs.parse(words, AckCommand.OPTIONS, Set.of());
        Responder responder = Responder.resolve(args, env, LocalRunConfig.from(Path.of("").toAbsolutePath(), env).endpointsFile());
        return new AckCommand(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()).run(args, responder, out, err);
    }

    // Like ack: the responder's API (update, resolve and reopen alike). The body is checked before the responder is
    // looked for, so wrong usage is exit 2 whatever the environment.
    private static int update(UpdateCommand.Action action, List<String> words, Map<String, String> env, PrintStream out, PrintStream err)
            throws Exception {
        CliArgs args = action.parse(words);
        UpdateCommand.complaintId(action, args);
        UpdateCommand.body(action, args);
        Responder responder = Responder.resolve(args, env, LocalRunConfig.from(Path.of("").toAbsolutePath(), env).endpointsFile());
        return new UpdateCommand(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), action).run(args, responder, out, err);
    }

    // Like update: the responder's problem API, the request checked before the responder is looked for.
    private static int problem(List<String> words, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        CliArgs args = ProblemCommand.parse(words);
        ProblemCommand.Request request = ProblemCommand.request(args);
        Responder responder = Responder.resolve(args, env, LocalRunConfig.from(Path.of("").toAbsolutePath(), env).endpointsFile());
        return new ProblemCommand(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()).run(request, responder, out, err);
    }

    // The policies and the horizon are checked before anything connects: wrong usage is exit 2 and reads nothing.
    private static int replay(List<String> words, Map<String, String> env, PrintStream out) {
        ReplayCommand command = new ReplayCommand(Clock.systemUTC());
        ReplayCommand.Plan plan = command.plan(parse(words, ReplayCommand.OPTIONS, ReplayCommand.SWITCHES), env);
        return command.run(plan, clients(words, env, ReplayCommand.OPTIONS, ReplayCommand.SWITCHES), out);
    }

    private static int up(List<String> words, Map<String, String> env, PrintStream out) throws Exception {
        CliArgs args = CliArgs.parse(words, Set.of("time-scale"), Set.of("demo", "secure"));
        LocalRunConfig config = LocalRunConfig.from(Path.of("").toAbsolutePath(), env);
        if (args.option("time-scale").isPresent()) {
            config = config.withTimeScale(Integer.parseInt(args.option("time-scale").get()));
        } else if (args.flag("demo")) {
            config = config.withTimeScale(60);
        }
        return new UpCommand(config, System.getProperty("java.class.path"), args.flag("demo"), args.flag("secure")).run(out);
    }

    private static CliArgs parse(List<String> words, Set<String> options, Set<String> switches) {
        var valued = new java.util.HashSet<>(options);
        valued.addAll(CONNECTION);
        return CliArgs.parse(words, valued, switches);
    }

    private static Clients clients(List<String> words, Map<String, String> env, Set<String> options, Set<String> switches) {
        // The local run's endpoints file, wherever HEED_LOCAL_DATA_DIR put it (./heed runs in the checkout).
        Path localRun = LocalRunConfig.from(Path.of("").toAbsolutePath(), env).endpointsFile();
        return new Clients(Endpoints.resolve(parse(words, options, switches), env, localRun), env);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }
}
