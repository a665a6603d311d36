package dev.heed.ingest.http;

import dev.heed.runtime.http.ProblemException;
import dev.heed.runtime.http.Problem;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The write requests still waiting for Kafka, so that a server whose shutdown grace runs out can answer
 * them with a problem (and the client retries with the same event id) instead of Jetty cutting them with
 * an HTML error page. Each request is answered once: by its outcome or by {@link #abandon}, whichever
 * comes first. Thread-safe.
 */
final class InFlightAnswers {
    private final Set<Answer> waiting = ConcurrentHashMap.newKeySet();

    /**
     * What to give Javalin's {@code ctx.future}: done once {@code write} has answered with the outcome, on
     * {@code executor}, or failed when the request is abandoned first.
     */
    <T> CompletableFuture<Void> answer(CompletableFuture<T> outcome, Consumer<T> write, Executor executor) {
        var answer = new Answer();
        waiting.add(answer);
        outcome.whenCompleteAsync((result, error) -> {
            if (!answer.claim()) {
                return;
            }
            if (error != null) {
                answer.completeExceptionally(error);
                return;
            }
            try {
                write.accept(result);
                answer.complete(null);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }, executor);
        return answer.whenComplete((done, error) -> waiting.remove(answer));
    }

    /** How many requests wait for their outcome now. */
    int waiting() {
        return waiting.size();
    }

    /** Answers every request still waiting with {@code problem}; returns how many there were. */
    int abandon(Problem problem) {
        int abandoned = 0;
        for (Answer answer : waiting) {
            if (answer.claim()) {
                answer.completeExceptionally(new ProblemException(problem));
                abandoned++;
            }
        }
        return abandoned;
    }

    private static final class Answer extends CompletableFuture<Void> {
        private final AtomicBoolean claimed = new AtomicBoolean();

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }
}
