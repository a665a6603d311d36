package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import dev.heed.events.DeliveryChannel;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.ResponseSent;
import dev.heed.responder.delivery.EmailTransport;
import dev.heed.responder.delivery.MessageIds;
import dev.heed.responder.notify.Recipient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder in a child JVM delivers every customer reply and agent notification to receivers in this JVM while
 * feedback is posted through ingest: by signed webhook to {@link WebhookInbox}, and by e-mail to {@link MailInbox},
 * an SMTP receiver. Every other feedback names a customer e-mail address and is answered by e-mail, the rest by the
 * source's webhook; every agent notification goes to both an agents' webhook and an agents' e-mail address. Each
 * kill: a receiver (the webhook one for odd kills, the SMTP one for even kills) accepts a message (records it,
 * answers 200 or 250) and, right after its answer, SIGKILLs the responder, so the kill lands between the receiver's
 * acceptance and the outcome reaching {@code responses.sent}, unless the responder was quicker; which of the two it
 * was is read off {@code responses.sent} while the process is dead (no outcome for that message id: the kill landed
 * in the window). The responder is restarted with the same configuration and waited for until it delivers again.
 * The messages in flight at the kill, on either channel, are sent again by the restarted responder under the same
 * id ({@code webhook-id}, {@code Message-ID}); a receiver deduplicating by it acts on each exactly once.
 *
 * <p>Stall: the longest time both receivers together went without a message. Recovery: from a kill until the
 * restarted responder's first delivery on either channel.
 */
final class ResponderKillScenario {
    static final String FAULT = "SIGKILL responder right after a receiver accepted a message (webhook 200, SMTP 250), restart";
    private static final Logger LOG = LoggerFactory.getLogger(ResponderKillScenario.class);
    private static final int RATE = 20;
    private static final String REPLIES = "/replies";
    private static final String AGENTS = "/agents";
    private static final String AGENTS_EMAIL = "agents@heed.example.com";
    /** Rendered from the send time ("due in", "overdue by"): a reminder or escalation notice sent again later differs there. */
    static final Set<String> SEND_TIME_FIELDS = Set.of("subject", "text", "overdueBySeconds");

    /** The two ways the responder delivers, each with its receiver. */
    enum Channel {
        WEBHOOK("webhooks", DeliveryChannel.WEBHOOK),
        EMAIL("e-mails", DeliveryChannel.EMAIL);

        final String plural;
        final DeliveryChannel recorded;

        Channel(String plural, DeliveryChannel recorded) {
            this.plural = plural;
            this.recorded = recorded;
        }

        /** The id the receiver sees for a message recorded under {@code messageId}: the webhook-id, or the Message-ID header. */
        String receiverId(String messageId) {
            return this == WEBHOOK ? messageId : EmailTransport.messageIdHeader(messageId);
        }
    }

    /** One kill: the channel whose receiver killed, its message, and whether that message's outcome was on responses.sent before the restart. */
    record Kill(int number, Channel channel, Instant killedAt, String messageId, String key, boolean outcomeRecorded,
                Duration recovery) {}

    /**
     * What one channel's receiver got, beyond the topics' counts.
     *
     * @param deliveries          the receiver's counts
     * @param kills               kills made by this channel's receiver
     * @param killsInWindow       of those, kills whose message had no outcome on responses.sent while the process was dead
     * @param victimsRepeated     kills in the window whose message the restarted responder delivered again
     * @param victimsRecordedButRepeated kills outside the window whose message came again all the same
     * @param missingMessages     replies (per accepted feedback answered on this channel) and escalation notices (per
     *                            escalated complaint) the receiver never got, plus reminders short of the due points
     * @param reminderNotices     distinct reminder notices the receiver got
     * @param idsNotDerived       messages whose id is not the one {@code MessageIds} derives from what the message is
     *                            for and its recipient (for an e-mail, wrapped as its Message-ID header)
     * @param outcomes            records on responses.sent for this channel
     * @param outcomesNotReceived outcomes whose id (as the receiver would see it) the receiver never got
     * @param deliveredWithoutOutcome ids the receiver got that have no outcome on responses.sent
     * @param repeatsDifferingBeyondSendTime repeats whose content differs in a field not rendered from the send time,
     *                            or a reply repeat differing at all
     * @param unreadable          messages the receiver could not read
     * @param repeatsPerKill      per kill (either channel's), this channel's messages first delivered since the kill
     *                            before it (or the start) and delivered again after it: in flight, accepted and not recorded
     * @param repeatsByType       repeats by message type (reply, escalation notice, reminder)
     * @param repeatsWithoutKill  repeats with no kill between them and the delivery before: not the window's doing
     *                            (the receivers answer at once, so not a lost answer either)
     */
    record ChannelRun(Channel channel, DeliveryCounts deliveries, int kills, int killsInWindow, int victimsRepeated,
                      int victimsRecordedButRepeated, int missingMessages, int reminderNotices, int idsNotDerived, int outcomes,
                      int outcomesNotReceived, int deliveredWithoutOutcome, int repeatsDifferingBeyondSendTime, int unreadable,
                      List<Integer> repeatsPerKill, Map<String, Integer> repeatsByType, int repeatsWithoutKill) {

        /** What the fault's name says of this channel: how often its kills landed in the window, what its repeats were. */
        String summary() {
            return channel.plural + ": " + killsInWindow + " of " + kills + " kills in the window, " + deliveries.received()
                    + " received, " + deliveries.distinctIds() + " distinct ids, " + deliveries.repeats()
                    + " repeats, each under its first id: " + deliveries.identicalRepeats() + " identical, "
                    + (deliveries.repeats() - deliveries.identicalRepeats() - repeatsDifferingBeyondSendTime)
                    + " notices re-rendered at send time"
                    + (repeatsDifferingBeyondSendTime > 0 ? ", " + repeatsDifferingBeyondSendTime + " different" : "")
                    + ", " + repeatsWithoutKill + " without a kill";
        }
    }

    /**
     * What the run found beyond the topics' counts.
     *
     * @param kills             each kill's message and whether it landed in the window
     * @param webhook           the webhook receiver's counts
     * @param email             the SMTP receiver's counts
     * @param duplicateOutcomes outcome records beyond the first per message id
     * @param notSent           outcomes other than SENT (every receiver accepted every message)
     */
    record Run(ScenarioResult result, List<Kill> kills, ChannelRun webhook, ChannelRun email, int outcomes,
               int duplicateOutcomes, int notSent) {

        long killsInWindow() {
            return kills.stream().filter(k -> !k.outcomeRecorded()).count();
        }

        List<ChannelRun> channels() {
            return List.of(webhook, email);
        }
    }

    private ResponderKillScenario() {}

    static Run run(Path directory, int kills) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        try (WebhookInbox webhooks = WebhookInbox.start(clock); MailInbox mails = MailInbox.start(clock)) {
            Map<Channel, Receiver> receivers = new EnumMap<>(Map.of(Channel.WEBHOOK, webhooks, Channel.EMAIL, mails));
            Map<String, String> responder = new HashMap<>();
            // The load generator's API key is the source "faults": a customer with an e-mail address is answered by
            // e-mail (the source prefers e-mail, the default), one without by the source's webhook.
            responder.put("HEED_SOURCE_FAULTS_WEBHOOK_URL", webhooks.url(REPLIES));
            responder.put("HEED_SOURCE_FAULTS_WEBHOOK_SECRET", WebhookInbox.SECRET);
            responder.put("HEED_SMTP_HOST", "127.0.0.1");
            responder.put("HEED_SMTP_PORT", Integer.toString(mails.port()));
            responder.put("HEED_SMTP_FROM", "heed@heed.example.com");
            // Every notification to both: the agents' webhook and their e-mail address (two messages, two ids).
            responder.put("HEED_AGENTS_DEFAULT_AGENT", webhooks.url(AGENTS) + ",mailto:" + AGENTS_EMAIL);
            responder.put("HEED_AGENT_WEBHOOK_SECRET", WebhookInbox.SECRET);
            // The dead process's partitions move to the restarted one after the session timeout: 10 s, not 45 s.
            responder.put("HEED_KAFKA_SESSION_TIMEOUT_MS", "10000");
            try (FaultStack stack = FaultStack.startWithResponderProcess(directory, responder);
                 LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "responder")
                         .withCustomerEmails().start()) {
                ChildService process = stack.responderProcess();
                awaitMoreDeliveries(receivers, 10 * RATE);
                List<Kill> done = new java.util.ArrayList<>();
                Duration longestRecovery = Duration.ZERO;
                for (int kill = 1; kill <= kills; kill++) {
                    Channel channel = kill % 2 == 1 ? Channel.WEBHOOK : Channel.EMAIL;
                    AtomicReference<Instant> killedAt = new AtomicReference<>();
                    CompletableFuture<Delivery> victim = new CompletableFuture<>();
                    receivers.get(channel).afterNextAnswer(d -> {
                        process.kill(); // on the receiver's thread, right after its answer went out
                        killedAt.set(clock.instant());
                        victim.complete(d);
                    });
                    Delivery killedOn = victim.get(Settle.STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    // The process is gone: whatever outcome it recorded is on the topic now, and nothing more will be.
                    boolean recorded = stack.scan().responsesSent().stream()
                            .anyMatch(s -> channel.receiverId(s.getMessageId()).equals(killedOn.messageId()));
                    int before = received(receivers);
                    process.start();
                    Instant ready = clock.instant();
                    await("the restarted responder delivering").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                            .until(() -> received(receivers) > before);
                    Duration recovery = Duration.between(killedAt.get(), clock.instant());
                    longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;
                    done.add(new Kill(kill, channel, killedAt.get(), killedOn.messageId(), killedOn.key(), recorded, recovery));
                    LOG.info("kill {}/{} after the {} receiver's answer on {} ({}): outcome {} before the restart; ready after {} ms, "
                                    + "delivering after {} ms; {} webhooks and {} e-mails so far", kill, kills, channel,
                            killedOn.messageId(), killedOn.key(),
                            recorded ? "recorded (kill outside the window)" : "NOT recorded (kill in the window)",
                            Duration.between(killedAt.get(), ready).toMillis(), recovery.toMillis(), webhooks.received(),
                            mails.received());
                    awaitMoreDeliveries(receivers, 3 * RATE);
                }
                Settle.awaitMoreAccepted(ledger, 3 * RATE);
                Settle.Outcome outcome = Settle.stopAndCount(stack, ledger, load, clock);
                return count(stack, receivers, ledger, outcome, done, longestRecovery, load, webhooks.url(AGENTS));
            }
        }
    }

    private static Run count(FaultStack stack, Map<Channel, Receiver> receivers, Ledger ledger, Settle.Outcome outcome,
                             List<Kill> kills, Duration longestRecovery, LoadGenerator load, String agentsUrl) {
        Map<Channel, Set<String>> expected = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            Set<String> keys = new HashSet<>();
            ledger.accepted().stream().filter(id -> (LoadGenerator.customerEmail(id) != null) == (channel == Channel.EMAIL))
                    .forEach(id -> keys.add("heed.reply|" + id));
            outcome.scan().observations().stream().filter(o -> o.stage() == Stage.ESCALATED)
                    .forEach(o -> keys.add("complaint.escalated|" + o.key()));
            expected.put(channel, keys);
        }
        int duePoints = outcome.counts().duePoints();
        try {
            // The outcomes are on responses.sent (the verifier waited for every reply); the last reminders may still be on their way.
            await("every reply, escalation notice and reminder at both receivers").atMost(Settle.STEP_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> expected.entrySet().stream().allMatch(e -> missing(e.getValue(), receivers.get(e.getKey()).deliveries()) == 0
                            && reminders(receivers.get(e.getKey()).deliveries()) >= duePoints));
        } catch (ConditionTimeoutException e) {
            expected.forEach((channel, keys) -> LOG.warn("the {} receiver is still missing messages: {} expected missing, "
                    + "{} reminders of {} due points", channel, missing(keys, receivers.get(channel).deliveries()),
                    reminders(receivers.get(channel).deliveries()), duePoints));
        }
        List<ResponseSent> sent = stack.scan().responsesSent();
        Map<String, Integer> outcomesById = new HashMap<>();
        sent.forEach(s -> outcomesById.merge(s.getMessageId(), 1, Integer::sum));
        int duplicateOutcomes = outcomesById.values().stream().mapToInt(n -> n - 1).sum();
        int notSent = (int) sent.stream().filter(s -> s.getOutcome() != DeliveryOutcome.SENT).count();
        Map<Channel, String> agents = Map.of(Channel.WEBHOOK, Recipient.parse(agentsUrl, null).toString(),
                Channel.EMAIL, Recipient.parse("mailto:" + AGENTS_EMAIL, null).toString());

        Map<Channel, ChannelRun> runs = new EnumMap<>(Channel.class);
        List<Delivery> all = new java.util.ArrayList<>();
        for (Channel channel : Channel.values()) {
            Receiver receiver = receivers.get(channel);
            List<Delivery> deliveries = receiver.deliveries();
            all.addAll(deliveries);
            DeliveryCounts counts = DeliveryTally.count(deliveries);
            Set<String> recordedIds = new HashSet<>();
            sent.stream().filter(s -> s.getChannel() == channel.recorded).forEach(s -> recordedIds.add(channel.receiverId(s.getMessageId())));
            int outcomes = (int) sent.stream().filter(s -> s.getChannel() == channel.recorded).count();
            int withoutOutcome = (int) deliveries.stream().map(Delivery::messageId).distinct().filter(id -> !recordedIds.contains(id)).count();
            int notReceived = DeliveryTally.missing(recordedIds, deliveries).size();
            int idsNotDerived = (int) deliveries.stream()
                    .filter(d -> !d.messageId().equals(channel.receiverId(derivedId(d.key(), agents.get(channel))))).count();
            int reminders = reminders(deliveries);
            int missing = missing(expected.get(channel), deliveries) + Math.max(0, duePoints - reminders);

            Map<String, Integer> timesById = new HashMap<>();
            deliveries.forEach(d -> timesById.merge(d.messageId(), 1, Integer::sum));
            List<Kill> own = kills.stream().filter(k -> k.channel() == channel).toList();
            int victimsRepeated = (int) own.stream().filter(k -> !k.outcomeRecorded() && timesById.get(k.messageId()) > 1).count();
            int recordedButRepeated = (int) own.stream().filter(k -> k.outcomeRecorded() && timesById.get(k.messageId()) > 1).count();
            int inWindow = (int) own.stream().filter(k -> !k.outcomeRecorded()).count();
            runs.put(channel, new ChannelRun(channel, counts, own.size(), inWindow, victimsRepeated, recordedButRepeated, missing,
                    reminders, idsNotDerived, outcomes, notReceived, withoutOutcome, differingBeyondSendTime(deliveries),
                    receiver.unreadable(), repeatsPerKill(deliveries, kills), repeatsByType(deliveries),
                    repeatsWithoutKill(deliveries, kills)));
        }
        ChannelRun webhook = runs.get(Channel.WEBHOOK);
        ChannelRun email = runs.get(Channel.EMAIL);
        // The row says, per channel, how often the kill landed where it should and what the repeats were: each under
        // its first id, identical, or a notice re-rendered at its new send time ("due in", "overdue by"), or else different.
        String fault = FAULT + " (" + webhook.summary() + "; " + email.summary() + ")";
        // Only the gap is read from both channels counted together: the time no receiver got anything.
        Duration stall = DeliveryTally.count(all).longestGap();
        ScenarioResult result = new ScenarioResult(fault, kills.size(), outcome.counts(), stall, longestRecovery,
                load.unexpected(), outcome.scan().unreadable(), stack.servicesAlive(),
                webhook.missingMessages() + email.missingMessages() + webhook.outcomesNotReceived() + email.outcomesNotReceived(),
                webhook.deliveries().keysUnderSeveralIds() + email.deliveries().keysUnderSeveralIds() + duplicateOutcomes);
        Run run = new Run(result, kills, webhook, email, sent.size(), duplicateOutcomes, notSent);
        for (ChannelRun c : run.channels()) {
            LOG.info("responder kill, {}: {}; repeats per kill {}, by type {}, without a kill between {}", c.channel().plural,
                    c.deliveries(), c.repeatsPerKill(), c.repeatsByType(), c.repeatsWithoutKill());
        }
        LOG.info("responder kill: kills {}; {} outcomes, {} twice, {} not SENT", kills, sent.size(), duplicateOutcomes, notSent);
        return run;
    }

    /**
     * The message id {@code MessageIds} derives from what a message is for (a delivery's key) and its recipient:
     * the id the responder must send it under every time.
     */
    private static String derivedId(String key, String agentRecipient) {
        String[] parts = key.split("\\|");
        return switch (parts[0]) {
            case "heed.reply" -> MessageIds.reply(parts[1]);
            case "complaint.escalated" -> MessageIds.escalated(parts[1], agentRecipient);
            case "complaint.response-due" -> parts.length > 2 && parts[2].matches("\\d+")
                    ? MessageIds.reminder(parts[1], Integer.parseInt(parts[2]), agentRecipient) : "(no reminder number)";
            default -> "(unknown type " + parts[0] + ")";
        };
    }

    private static int received(Map<Channel, Receiver> receivers) {
        return receivers.values().stream().mapToInt(Receiver::received).sum();
    }

    private static List<Integer> repeatsPerKill(List<Delivery> deliveries, List<Kill> kills) {
        Map<String, Instant> first = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        for (Delivery d : deliveries) {
            first.merge(d.messageId(), d.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            last.merge(d.messageId(), d.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        List<Integer> perKill = new java.util.ArrayList<>();
        Instant since = Instant.MIN;
        for (Kill k : kills) {
            Instant from = since;
            perKill.add((int) first.keySet().stream().filter(id -> first.get(id).isAfter(from) && !first.get(id).isAfter(k.killedAt())
                    && last.get(id).isAfter(k.killedAt())).count());
            since = k.killedAt();
        }
        return perKill;
    }

    private static int repeatsWithoutKill(List<Delivery> deliveries, List<Kill> kills) {
        Map<String, Instant> previous = new HashMap<>();
        int without = 0;
        for (Delivery d : deliveries.stream().sorted(java.util.Comparator.comparing(Delivery::receivedAt)).toList()) {
            Instant before = previous.put(d.messageId(), d.receivedAt());
            if (before != null && kills.stream().noneMatch(k -> k.killedAt().isAfter(before) && !k.killedAt().isAfter(d.receivedAt()))) {
                without++;
            }
        }
        return without;
    }

    private static Map<String, Integer> repeatsByType(List<Delivery> deliveries) {
        Map<String, Integer> byType = new java.util.TreeMap<>();
        Set<String> seen = new HashSet<>();
        deliveries.stream().sorted(java.util.Comparator.comparing(Delivery::receivedAt))
                .filter(d -> !seen.add(d.messageId()))
                .forEach(d -> byType.merge(d.key().substring(0, d.key().indexOf('|')), 1, Integer::sum));
        return byType;
    }

    private static int missing(Set<String> expectedKeys, List<Delivery> deliveries) {
        Set<String> left = new HashSet<>(expectedKeys);
        deliveries.forEach(d -> left.remove(d.key()));
        return left.size();
    }

    private static int reminders(List<Delivery> deliveries) {
        return (int) deliveries.stream().filter(d -> d.key().startsWith("complaint.response-due|")).map(Delivery::key).distinct().count();
    }

    /** Repeats that are not the first delivery again: a reply differing at all, a notice differing beyond its send-time fields. */
    private static int differingBeyondSendTime(List<Delivery> deliveries) {
        Map<String, Delivery> first = new HashMap<>();
        int differing = 0;
        for (Delivery d : deliveries.stream().sorted(java.util.Comparator.comparing(Delivery::receivedAt)).toList()) {
            Delivery earlier = first.putIfAbsent(d.messageId(), d);
            if (earlier == null) {
                continue;
            }
            Set<String> names = new HashSet<>(earlier.fields().keySet());
            names.addAll(d.fields().keySet());
            boolean reply = d.key().startsWith("heed.reply|");
            boolean differs = !earlier.recipient().equals(d.recipient()) || names.stream()
                    .filter(n -> reply || !SEND_TIME_FIELDS.contains(n))
                    .anyMatch(n -> !java.util.Objects.equals(earlier.fields().get(n), d.fields().get(n)));
            differing += differs ? 1 : 0;
        }
        return differing;
    }

    private static void awaitMoreDeliveries(Map<Channel, Receiver> receivers, int more) {
        int target = received(receivers) + more;
        await(more + " more deliveries").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> received(receivers) >= target);
    }
}
