package dev.heed.faults;

import static org.awaitility.Awaitility.await;

import dev.heed.events.DeliveryOutcome;
import dev.heed.events.ResponseSent;
import dev.heed.responder.delivery.MessageIds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The responder in a child JVM delivers every customer reply and agent notification by signed webhook to a
 * receiver in this JVM ({@link WebhookInbox}) while feedback is posted through ingest. Each kill: the receiver
 * accepts a message (records it, answers 200) and, right after its answer, SIGKILLs the responder, so the kill
 * lands between the receiver's acceptance and the outcome reaching {@code responses.sent}, unless the responder
 * was quicker; which of the two it was is read off {@code responses.sent} while the process is dead (no outcome
 * for that message id: the kill landed in the window). The responder is restarted with the same configuration
 * and waited for until it delivers again. The messages in flight at the kill are sent again by the restarted
 * responder under the same id; the receiver deduplicating by {@code webhook-id} acts on each exactly once.
 *
 * <p>Stall: the longest time the receiver went without a request. Recovery: from a kill until the restarted
 * responder's first delivery.
 */
final class ResponderKillScenario {
    static final String FAULT = "SIGKILL responder right after a webhook receiver answered 200, restart";
    private static final Logger LOG = LoggerFactory.getLogger(ResponderKillScenario.class);
    private static final int RATE = 20;
    private static final String REPLIES = "/replies";
    private static final String AGENTS = "/agents";
    /** Rendered from the send time ("due in", "overdue by"): a reminder or escalation notice sent again later differs there. */
    static final Set<String> SEND_TIME_FIELDS = Set.of("subject", "text", "overdueBySeconds");

    /** One kill: the message the receiver had just answered, and whether its outcome was on responses.sent before the restart. */
    record Kill(int number, Instant killedAt, String webhookId, String key, boolean outcomeRecorded, Duration recovery) {}

    /**
     * What the run found beyond the topics' counts.
     *
     * @param kills               each kill's message and whether it landed in the window
     * @param victimsRepeated     kills in the window whose message the restarted responder delivered again
     * @param victimsRecordedButRepeated kills outside the window whose message came again all the same
     * @param deliveries          the receiver's counts
     * @param missingMessages     replies (per accepted feedback) and escalation notices (per escalated complaint)
     *                            the receiver never got, plus reminders short of the due points on the topic
     * @param reminderNotices     distinct reminder notices the receiver got
     * @param replyIdsNotDerived  replies whose webhook-id is not {@code MessageIds.reply(feedbackId)}
     * @param outcomes            records on responses.sent
     * @param duplicateOutcomes   outcome records beyond the first per message id
     * @param deliveredWithoutOutcome webhook-ids the receiver got that have no outcome on responses.sent
     * @param notSent             outcomes other than SENT (every receiver answered 200)
     * @param repeatsDifferingBeyondSendTime repeats whose body differs in a field not rendered from the send time,
     *                            or a reply repeat differing at all
     * @param inboxUnreadable     requests the receiver could not read
     * @param repeatsPerKill      per kill, the messages first delivered since the kill before it (or the start) and
     *                            delivered again after it: what was in flight, accepted and not recorded, when it came
     * @param repeatsByType       repeats by message type (reply, escalation notice, reminder)
     * @param repeatsWithoutKill  repeats with no kill between them and the delivery before: not the window's doing
     *                            (the receiver answers at once, so not a lost answer either)
     */
    record Run(ScenarioResult result, List<Kill> kills, int victimsRepeated, int victimsRecordedButRepeated,
               DeliveryCounts deliveries, int missingMessages, int reminderNotices, int replyIdsNotDerived, int outcomes,
               int duplicateOutcomes, int deliveredWithoutOutcome, int notSent, int repeatsDifferingBeyondSendTime,
               int inboxUnreadable, List<Integer> repeatsPerKill, Map<String, Integer> repeatsByType,
               int repeatsWithoutKill) {

        long killsInWindow() {
            return kills.stream().filter(k -> !k.outcomeRecorded()).count();
        }
    }

    private ResponderKillScenario() {}

    static Run run(Path directory, int kills) throws Exception {
        Ledger ledger = new Ledger();
        Clock clock = Clock.systemUTC();
        try (WebhookInbox inbox = WebhookInbox.start(clock)) {
            Map<String, String> responder = new HashMap<>();
            responder.put("HEED_SOURCE_FAULTS_PREFER", "webhook"); // the load generator's API key is the source "faults"
            responder.put("HEED_SOURCE_FAULTS_WEBHOOK_URL", inbox.url(REPLIES));
            responder.put("HEED_SOURCE_FAULTS_WEBHOOK_SECRET", WebhookInbox.SECRET);
            responder.put("HEED_AGENTS_DEFAULT_AGENT", inbox.url(AGENTS));
            responder.put("HEED_AGENT_WEBHOOK_SECRET", WebhookInbox.SECRET);
            // The dead process's partitions move to the restarted one after the session timeout: 10 s, not 45 s.
            responder.put("HEED_KAFKA_SESSION_TIMEOUT_MS", "10000");
            try (FaultStack stack = FaultStack.startWithResponderProcess(directory, responder);
                 LoadGenerator load = new LoadGenerator(stack.ingestUri(), FaultStack.API_KEY, RATE, ledger, clock, "responder").start()) {
                ChildService process = stack.responderProcess();
                awaitMoreDeliveries(inbox, 10 * RATE);
                List<Kill> done = new java.util.ArrayList<>();
                Duration longestRecovery = Duration.ZERO;
                for (int kill = 1; kill <= kills; kill++) {
                    AtomicReference<Instant> killedAt = new AtomicReference<>();
                    CompletableFuture<Delivery> victim = new CompletableFuture<>();
                    inbox.afterNextAnswer(d -> {
                        process.kill(); // on the receiver's thread, right after its 200 went out
                        killedAt.set(clock.instant());
                        victim.complete(d);
                    });
                    Delivery killedOn = victim.get(Settle.STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    // The process is gone: whatever outcome it recorded is on the topic now, and nothing more will be.
                    boolean recorded = stack.scan().responsesSent().stream().anyMatch(s -> s.getMessageId().equals(killedOn.webhookId()));
                    int before = inbox.received();
                    process.start();
                    Instant ready = clock.instant();
                    await("the restarted responder delivering").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(100))
                            .until(() -> inbox.received() > before);
                    Duration recovery = Duration.between(killedAt.get(), clock.instant());
                    longestRecovery = recovery.compareTo(longestRecovery) > 0 ? recovery : longestRecovery;
                    done.add(new Kill(kill, killedAt.get(), killedOn.webhookId(), killedOn.key(), recorded, recovery));
                    LOG.info("kill {}/{} on {} ({}): outcome {} before the restart; ready after {} ms, delivering after {} ms; "
                                    + "{} deliveries so far", kill, kills, killedOn.webhookId(), killedOn.key(),
                            recorded ? "recorded (kill outside the window)" : "NOT recorded (kill in the window)",
                            Duration.between(killedAt.get(), ready).toMillis(), recovery.toMillis(), inbox.received());
                    awaitMoreDeliveries(inbox, 3 * RATE);
                }
                Settle.awaitMoreAccepted(ledger, 3 * RATE);
                Settle.Outcome outcome = Settle.stopAndCount(stack, ledger, load, clock);
                return count(stack, inbox, ledger, outcome, done, longestRecovery, load);
            }
        }
    }

    private static Run count(FaultStack stack, WebhookInbox inbox, Ledger ledger, Settle.Outcome outcome, List<Kill> kills,
                             Duration longestRecovery, LoadGenerator load) {
        Set<String> expected = new HashSet<>();
        ledger.accepted().forEach(id -> expected.add("heed.reply|" + id));
        outcome.scan().observations().stream().filter(o -> o.stage() == Stage.ESCALATED)
                .forEach(o -> expected.add("complaint.escalated|" + o.key()));
        int duePoints = outcome.counts().duePoints();
        try {
            // The outcomes are on responses.sent (the verifier waited for every reply); the last reminders may still be on their way.
            await("every reply, escalation notice and reminder at the receiver").atMost(Settle.STEP_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> missing(expected, inbox.deliveries()) == 0 && reminders(inbox.deliveries()) >= duePoints);
        } catch (ConditionTimeoutException e) {
            LOG.warn("the receiver is still missing messages: {} expected missing, {} reminders of {} due points",
                    missing(expected, inbox.deliveries()), reminders(inbox.deliveries()), duePoints);
        }
        List<Delivery> deliveries = inbox.deliveries();
        List<ResponseSent> sent = stack.scan().responsesSent();
        DeliveryCounts counts = DeliveryTally.count(deliveries);

        Map<String, Integer> outcomesById = new HashMap<>();
        sent.forEach(s -> outcomesById.merge(s.getMessageId(), 1, Integer::sum));
        int duplicateOutcomes = outcomesById.values().stream().mapToInt(n -> n - 1).sum();
        int notSent = (int) sent.stream().filter(s -> s.getOutcome() != DeliveryOutcome.SENT).count();
        int withoutOutcome = (int) deliveries.stream().map(Delivery::webhookId).distinct().filter(id -> !outcomesById.containsKey(id)).count();
        int replyIdsNotDerived = (int) deliveries.stream().filter(d -> d.recipient().equals(REPLIES))
                .filter(d -> !d.webhookId().equals(MessageIds.reply(d.fields().get("feedbackId")))).count();
        int reminders = reminders(deliveries);
        int missing = missing(expected, deliveries) + Math.max(0, duePoints - reminders);

        Map<String, Integer> timesById = new HashMap<>();
        deliveries.forEach(d -> timesById.merge(d.webhookId(), 1, Integer::sum));
        int victimsRepeated = (int) kills.stream().filter(k -> !k.outcomeRecorded() && timesById.get(k.webhookId()) > 1).count();
        int recordedButRepeated = (int) kills.stream().filter(k -> k.outcomeRecorded() && timesById.get(k.webhookId()) > 1).count();
        int differingBeyondSendTime = differingBeyondSendTime(deliveries);

        long inWindow = kills.stream().filter(k -> !k.outcomeRecorded()).count();
        // The row says how often the kill landed where it should, and what the repeats were: each under its first id,
        // identical, or a notice re-rendered at its new send time ("due in", "overdue by"), or else different.
        String fault = FAULT + " (" + inWindow + " of " + kills.size() + " kills in the window; " + counts.repeats()
                + " repeats, each under its first id: " + counts.identicalRepeats() + " identical, "
                + (counts.repeats() - counts.identicalRepeats() - differingBeyondSendTime) + " notices re-rendered at send time"
                + (differingBeyondSendTime > 0 ? ", " + differingBeyondSendTime + " different" : "")
                + "; " + repeatsWithoutKill(deliveries, kills) + " without a kill)";
        ScenarioResult result = new ScenarioResult(fault, kills.size(), outcome.counts(), counts.longestGap(), longestRecovery,
                load.unexpected(), outcome.scan().unreadable(), stack.servicesAlive(), missing,
                counts.keysUnderSeveralIds() + duplicateOutcomes);
        Run run = new Run(result, kills, victimsRepeated, recordedButRepeated, counts, missing, reminders, replyIdsNotDerived,
                sent.size(), duplicateOutcomes, withoutOutcome, notSent, differingBeyondSendTime, inbox.unreadable(),
                repeatsPerKill(deliveries, kills), repeatsByType(deliveries), repeatsWithoutKill(deliveries, kills));
        LOG.info("responder kill: {}; kills {}; repeats per kill {}, by type {}, without a kill between {}", counts, kills,
                run.repeatsPerKill(), run.repeatsByType(), run.repeatsWithoutKill());
        return run;
    }

    private static List<Integer> repeatsPerKill(List<Delivery> deliveries, List<Kill> kills) {
        Map<String, Instant> first = new HashMap<>();
        Map<String, Instant> last = new HashMap<>();
        for (Delivery d : deliveries) {
            first.merge(d.webhookId(), d.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            last.merge(d.webhookId(), d.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
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
            Instant before = previous.put(d.webhookId(), d.receivedAt());
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
                .filter(d -> !seen.add(d.webhookId()))
                .forEach(d -> byType.merge(d.fields().get("type"), 1, Integer::sum));
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
            Delivery earlier = first.putIfAbsent(d.webhookId(), d);
            if (earlier == null) {
                continue;
            }
            Set<String> names = new HashSet<>(earlier.fields().keySet());
            names.addAll(d.fields().keySet());
            boolean reply = d.recipient().equals(REPLIES);
            boolean differs = !earlier.recipient().equals(d.recipient()) || names.stream()
                    .filter(n -> reply || !SEND_TIME_FIELDS.contains(n))
                    .anyMatch(n -> !java.util.Objects.equals(earlier.fields().get(n), d.fields().get(n)));
            differing += differs ? 1 : 0;
        }
        return differing;
    }

    private static void awaitMoreDeliveries(WebhookInbox inbox, int more) {
        int target = inbox.received() + more;
        await(more + " more webhook deliveries").atMost(Settle.STEP_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> inbox.received() >= target);
    }
}
