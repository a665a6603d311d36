package dev.heed.responder.console;

import static org.awaitility.Awaitility.await;

import dev.heed.events.AckSource;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintState;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.DueKind;
import dev.heed.events.DeliveryOutcome;
import dev.heed.events.EscalationLevel;
import dev.heed.events.FeedbackClassified;
import dev.heed.events.FeedbackReceived;
import dev.heed.events.ResponseDue;
import dev.heed.events.ResponseKind;
import dev.heed.events.ResponseSent;
import dev.heed.events.VerdictLink;
import dev.heed.localstack.Stack;
import dev.heed.responder.ResponderApplication;
import dev.heed.responder.ResponderConfig;
import dev.heed.runtime.auth.TokenStore;
import dev.heed.responder.it.Pipeline;
import dev.heed.schemas.SampleEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A responder with its console on topics of its own, plus the test's side: events as the ingest and routing
 * services would write them (the schemas' samples, re-timed around now) and plain HTTP calls to the console.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String TOKEN = "grace-console-token";

    final Pipeline pipeline;
    final HttpClient http = HttpClient.newHttpClient();
    ResponderApplication app;

    ConsoleFixture(Stack stack) {
        this.pipeline = new Pipeline(stack);
    }

    ConsoleFixture start() {
        return start(Map.of());
    }

    /** Starts the responder with {@code extra} settings on top of the fixture's (an SMTP server, say). */
    ConsoleFixture start(Map<String, String> extra) {
        Map<String, String> env = pipeline.env();
        env.putAll(extra);
        env.put("HEED_ACK_TOKENS", "agent:grace:" + TokenStore.hash(TOKEN));
        env.put("HEED_CONSOLE_SAMPLE", "500ms");
        app = ResponderApplication.start(ResponderConfig.from(env), Clock.systemUTC(), d -> { }, t -> t);
        await().atMost(Duration.ofSeconds(90)).until(() -> get("/health/ready", null).statusCode() == 200);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /**
     * A feedback received {@code ago}, and, when {@code dueIn} is not null, classified (a second later) and escalated
     * (two seconds later) with that due time.
     */
    void feedback(String id, Duration ago, Duration dueIn) throws Exception {
        feedback(id, ago, dueIn, SampleEvents.feedback(id).getSubject());
    }

    /** The same, about {@code subject}. */
    void feedback(String id, Duration ago, Duration dueIn, String subject) throws Exception {
        Instant received = Instant.now().minus(ago);
        FeedbackReceived feedback = SampleEvents.feedback(id);
        feedback.setSubject(subject);
        feedback.setReceivedAt(received);
        pipeline.send(pipeline.topics.feedbackReceived(), id, feedback);
        if (dueIn != null) {
            FeedbackClassified classified = SampleEvents.classified(id);
            classified.setFeedback(feedback);
            classified.setClassifiedAt(received.plusSeconds(1));
            pipeline.send(pipeline.topics.feedbackClassified(), id, classified);
            ComplaintEscalated escalated = SampleEvents.escalated(id);
            escalated.setEscalatedAt(received.plusSeconds(2));
            escalated.setReceivedAt(received);
            escalated.setFirstResponseDueAt(Instant.now().plus(dueIn));
            escalated.setSubject(subject);
            pipeline.send(pipeline.topics.complaintsEscalated(), id, escalated);
        }
    }

    /** A reminder for {@code id}, sent five minutes ago, that climbed to {@code level}. */
    void reminded(String id, EscalationLevel level) throws Exception {
        ResponseDue reminder = SampleEvents.responseDue(id);
        reminder.setEmittedAt(Instant.now().minus(Duration.ofMinutes(5)));
        reminder.setLevel(level);
        pipeline.send(pipeline.topics.responseDue(), id, reminder);
    }

    /** An agent notification about {@code id} that failed: a timeline event that changes nothing in the open list. */
    void notificationFailed(String id) throws Exception {
        pipeline.send(pipeline.topics.responsesSent(), id, SampleEvents.responseSent(id));
    }

    /** The responder's reply to a customer, recorded as sent. */
    void repliedTo(String id) throws Exception {
        ResponseSent sent = SampleEvents.responseSent(id);
        sent.setKind(ResponseKind.CUSTOMER_REPLY);
        sent.setOutcome(DeliveryOutcome.SENT);
        pipeline.send(pipeline.topics.responsesSent(), id, sent);
    }

    /** The settings for a responder that e-mails through {@code smtp}. */
    static Map<String, String> smtp(com.icegreen.greenmail.util.GreenMail smtp) {
        return Map.of("HEED_SMTP_HOST", "127.0.0.1", "HEED_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "HEED_SMTP_FROM", "care@heed.example.com");
    }

    /** The update message of {@link #promisesKeptAndBroken}'s late update: markup that must show as text. */
    static final String LATE_MESSAGE = "Sorry <b>for the wait</b> & thanks: the refund <script>x()</script> is on its way.";

    /**
     * Two acknowledged complaints of queue billing, received three hours before {@code now}, as routing, the
     * acknowledge API and the update API would have written them: on {@code fb-kept} grace promised an update within
     * an hour and a half and gave it after one hour ({@code u-kept}); on {@code fb-broken} she promised it within half
     * an hour, routing warned and reported the promise broken, and her update ({@code u-late}) came an hour and a half
     * late and promised the next within the hour after {@code now}. The responder, running, delivers both updates.
     */
    void promisesKeptAndBroken(Instant now) throws Exception {
        for (String id : new String[] {"fb-kept", "fb-broken"}) {
            feedback(id, Duration.between(now.minus(Duration.ofHours(3)), Instant.now()), Duration.ofHours(-1));
        }
        acknowledged("fb-kept", now.minus(Duration.ofMinutes(150)), now.minus(Duration.ofMinutes(60)));
        updated("fb-kept", "u-kept", now.minus(Duration.ofMinutes(90)), "Your refund is approved.", null);
        state("fb-kept", 1, 1, 0, 0, null);

        Instant promised = now.minus(Duration.ofMinutes(120));
        acknowledged("fb-broken", now.minus(Duration.ofMinutes(150)), promised);
        promiseDue("fb-broken", DueKind.PROMISE_WARNING, promised, promised.minus(Duration.ofSeconds(450)), 5);
        promiseDue("fb-broken", DueKind.PROMISE_BROKEN, promised, promised.plusMillis(300), 6);
        updated("fb-broken", "u-late", now.minus(Duration.ofMinutes(30)), LATE_MESSAGE, now.plus(Duration.ofHours(1)));
        resolutionBreached("fb-broken", now.minus(Duration.ofMinutes(20)), 7);
        state("fb-broken", 2, 0, 0, 1, now.plus(Duration.ofHours(1)));
    }

    /** An acknowledgement of {@code id} by grace at {@code at}, promising an update by {@code nextUpdateBy} (or not). */
    void acknowledged(String id, Instant at, Instant nextUpdateBy) throws Exception {
        ComplaintAcknowledged ack = SampleEvents.acknowledged(id);
        ack.setAcknowledgedAt(at);
        ack.setSource(AckSource.API);
        ack.setNextUpdateBy(nextUpdateBy);
        pipeline.send(pipeline.topics.complaintsAcknowledged(), id, ack);
    }

    /** An update grace gave the customer of {@code id} at {@code at}, as the update API writes it. */
    void updated(String id, String updateId, Instant at, String message, Instant nextUpdateBy) throws Exception {
        ComplaintUpdated update = SampleEvents.updated(id);
        update.setUpdateId(updateId);
        update.setUpdatedAt(at);
        update.setMessage(message);
        update.setNextUpdateBy(nextUpdateBy);
        update.setDelay(false);
        pipeline.send(pipeline.topics.complaintsUpdated(), id, update);
    }

    /** Routing's point of kind {@code kind} for the update promised by {@code promisedAt}, emitted at {@code emittedAt}. */
    void promiseDue(String id, DueKind kind, Instant promisedAt, Instant emittedAt, int reminder) throws Exception {
        due(id, kind, promisedAt, promisedAt, emittedAt, reminder);
    }

    /** Routing's point of its resolution clock for {@code id}: the resolution target breached at {@code at}. */
    void resolutionBreached(String id, Instant at, int reminder) throws Exception {
        due(id, DueKind.RESOLUTION_BREACH, at, null, at.plusMillis(300), reminder);
    }

    private void due(String id, DueKind kind, Instant breachAt, Instant promisedAt, Instant emittedAt, int reminder) throws Exception {
        ResponseDue due = SampleEvents.responseDue(id);
        due.setKind(kind);
        due.setPromisedAt(promisedAt);
        due.setBreachAt(breachAt);
        due.setDueAt(breachAt);
        due.setEmittedAt(emittedAt);
        due.setOverdueByMillis(Math.max(0, Duration.between(breachAt, emittedAt).toMillis()));
        due.setReminderNumber(reminder);
        due.setLevel(EscalationLevel.AGENT);
        pipeline.send(pipeline.topics.responseDue(), id, due);
    }

    /** Routing's state row of {@code id}: acknowledged, with its promise counts. */
    void state(String id, int made, int kept, int replaced, int broken, Instant nextUpdateBy) throws Exception {
        pipeline.send(pipeline.topics.complaintsState(), id, row(id, made, kept, replaced, broken, nextUpdateBy));
    }

    /** Routing's state row of {@code id} once {@code by} resolved it at {@code at}, with its promise counts. */
    void resolved(String id, int made, int kept, String by, Instant at) throws Exception {
        pipeline.send(pipeline.topics.complaintsState(), id, resolvedRow(id, made, kept, by, at));
    }

    /** Routing's row of {@code id} once its customer's negative verdict reopened it: REOPENED, escalated to the team lead. */
    void reopened(String id) throws Exception {
        ComplaintState state = row(id, 1, 1, 0, 0, null);
        state.setStatus(dev.heed.events.ComplaintStatus.REOPENED);
        state.setResolutions(1);
        state.setReopenings(1);
        state.setLevel(EscalationLevel.TEAM_LEAD);
        pipeline.send(pipeline.topics.complaintsState(), id, state);
    }

    /** A customer's verdict text with markup, which must show as text. */
    static final String VERDICT_TEXT = "Quick <b>and</b> kind, thank you.";

    /**
     * {@code id} resolved as {@link #resolved} says, then answered by its customer half an hour later with {@code score}
     * and {@link #VERDICT_TEXT}: the verdict as ingest writes it (keyed by the complaint) and routing's row recording it.
     */
    void answered(String id, int made, int kept, String by, Instant resolvedAt, int score) throws Exception {
        Instant at = resolvedAt.plus(Duration.ofMinutes(30));
        String verdictId = "verdict-" + id;
        FeedbackReceived verdict = SampleEvents.feedback(verdictId);
        verdict.setSourceSystem("verdict");
        verdict.setText(VERDICT_TEXT);
        verdict.setRating(score);
        verdict.setOccurredAt(at);
        verdict.setReceivedAt(at);
        verdict.setVerdict(new VerdictLink(id, "r-" + id, score));
        pipeline.send(pipeline.topics.feedbackReceived(), id, verdict);
        ComplaintState state = resolvedRow(id, made, kept, by, resolvedAt);
        state.setVerdictScore(score);
        state.setVerdictAt(at);
        state.setVerdictFeedbackId(verdictId);
        state.setVerdictResolutionId("r-" + id);
        pipeline.send(pipeline.topics.complaintsState(), id, state);
    }

    /** The customer's reply on a complaint on hold, with markup that must show as text. */
    static final String REPLY_TEXT = "Still <b>not</b> fixed; the order number is 1234.";

    /**
     * {@code id} acknowledged by grace, then put on hold and answered: waiting on the customer from three hours ago, the
     * customer's negative reply {@code reply-<id>} (by {@code replyTo}) two hours ago ending that hold, and waiting on a
     * third party from an hour ago, still on hold. Each step as the update API and routing write it; routing's last row:
     * WAITING_ON_THIRD_PARTY since an hour ago, an hour held before, two holds, one reply and it negative.
     */
    void heldAndReplied(String id, Instant now) throws Exception {
        acknowledged(id, now.minus(Duration.ofHours(4)), null);
        hold(id, dev.heed.events.UpdateAction.WAIT_ON_CUSTOMER, "h1-" + id, now.minus(Duration.ofHours(3)));
        ComplaintState row = heldRow(id, dev.heed.events.ComplaintStatus.WAITING_ON_CUSTOMER, now.minus(Duration.ofHours(3)), 0, 1);
        pipeline.send(pipeline.topics.complaintsState(), id, row);
        Instant repliedAt = now.minus(Duration.ofHours(2));
        FeedbackReceived reply = SampleEvents.feedback("reply-" + id);
        reply.setText(REPLY_TEXT);
        reply.setReceivedAt(repliedAt);
        reply.setOccurredAt(repliedAt);
        reply.setReplyTo(id);
        pipeline.send(pipeline.topics.feedbackReceived(), reply.getEventId(), reply);
        row = heldRow(id, dev.heed.events.ComplaintStatus.ACKNOWLEDGED, null, Duration.ofHours(1).toMillis(), 1);
        replied(row, reply.getEventId(), repliedAt, true);
        pipeline.send(pipeline.topics.complaintsState(), id, row);
        hold(id, dev.heed.events.UpdateAction.WAIT_ON_THIRD_PARTY, "h2-" + id, now.minus(Duration.ofHours(1)));
        row = heldRow(id, dev.heed.events.ComplaintStatus.WAITING_ON_THIRD_PARTY, now.minus(Duration.ofHours(1)),
                Duration.ofHours(1).toMillis(), 2);
        replied(row, reply.getEventId(), repliedAt, true);
        pipeline.send(pipeline.topics.complaintsState(), id, row);
    }

    /** {@code id} acknowledged, waiting on the customer from 50 to 20 minutes ago, when grace took it off hold. */
    void heldAndResumed(String id, Instant now) throws Exception {
        acknowledged(id, now.minus(Duration.ofHours(1)), null);
        hold(id, dev.heed.events.UpdateAction.WAIT_ON_CUSTOMER, "h1-" + id, now.minus(Duration.ofMinutes(50)));
        pipeline.send(pipeline.topics.complaintsState(), id,
                heldRow(id, dev.heed.events.ComplaintStatus.WAITING_ON_CUSTOMER, now.minus(Duration.ofMinutes(50)), 0, 1));
        hold(id, dev.heed.events.UpdateAction.RESUME, "r1-" + id, now.minus(Duration.ofMinutes(20)));
        pipeline.send(pipeline.topics.complaintsState(), id,
                heldRow(id, dev.heed.events.ComplaintStatus.ACKNOWLEDGED, null, Duration.ofMinutes(30).toMillis(), 1));
    }

    /** {@code id} resolved at {@code at} by the fix of known problem {@code problem}, as routing writes the fix and its row. */
    void fixed(String id, String problem, Instant at) throws Exception {
        ComplaintUpdated fix = SampleEvents.updated(id);
        fix.setUpdateId("fix:" + problem + ":" + id);
        fix.setUpdatedAt(at);
        fix.setAction(dev.heed.events.UpdateAction.RESOLVE);
        fix.setMessage("The payment provider charged some orders twice; every double charge is refunded.");
        fix.setNextUpdateBy(null);
        pipeline.send(pipeline.topics.complaintsUpdated(), id, fix);
        pipeline.send(pipeline.topics.complaintsState(), id, resolvedRow(id, 0, 0, "grace", at));
    }

    private void hold(String id, dev.heed.events.UpdateAction action, String updateId, Instant at) throws Exception {
        ComplaintUpdated update = SampleEvents.updated(id);
        update.setUpdateId(updateId);
        update.setUpdatedAt(at);
        update.setAction(action);
        update.setMessage(action == dev.heed.events.UpdateAction.RESUME ? "We are on it again."
                : "We are waiting for what we need to go on; we will write again.");
        update.setNextUpdateBy(null);
        pipeline.send(pipeline.topics.complaintsUpdated(), id, update);
    }

    private static ComplaintState heldRow(String id, dev.heed.events.ComplaintStatus status, Instant since, long heldMillis, int pauses) {
        ComplaintState state = row(id, 0, 0, 0, 0, null);
        state.setStatus(status);
        state.setPausedSince(since);
        state.setPausedMillis(heldMillis);
        state.setPauses(pauses);
        return state;
    }

    private static void replied(ComplaintState state, String replyId, Instant at, boolean negative) {
        state.setReplies(1);
        state.setNegativeReplies(negative ? 1 : 0);
        state.setLastReplyAt(at);
        state.setLastReplyFeedbackId(replyId);
        state.setLastReplyNegative(negative);
    }

    private static ComplaintState resolvedRow(String id, int made, int kept, String by, Instant at) {
        ComplaintState state = row(id, made, kept, 0, 0, null);
        state.setStatus(dev.heed.events.ComplaintStatus.RESOLVED);
        state.setResolvedBy(by);
        state.setResolvedAt(at);
        state.setResolutions(1);
        return state;
    }

    private static ComplaintState row(String id, int made, int kept, int replaced, int broken, Instant nextUpdateBy) {
        ComplaintState state = SampleEvents.state(id);
        state.setNextDueAt(null);
        state.setPromisesMade(made);
        state.setPromisesKept(kept);
        state.setPromisesReplaced(replaced);
        state.setPromisesBroken(broken);
        state.setNextUpdateBy(nextUpdateBy);
        state.setUpdatedAt(Instant.now());
        return state;
    }

    HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the fixture's token and answers the session cookie ({@code name=value}). */
    String signIn() throws Exception {
        HttpResponse<String> session = post("/console/api/session", TOKEN, "");
        if (session.statusCode() != 204) {
            throw new IllegalStateException("sign-in answered " + session.statusCode() + ": " + session.body());
        }
        String setCookie = session.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    HttpResponse<String> delete(String path, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).DELETE().header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    EventStream events(String cookie) throws Exception {
        return EventStream.open(http, URI.create(url("/console/api/events")), cookie);
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        pipeline.close();
    }
}
