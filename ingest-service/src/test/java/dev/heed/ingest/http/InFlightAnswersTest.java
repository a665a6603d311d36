package dev.heed.ingest.http;

import dev.heed.runtime.http.ProblemException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.ingest.problem.Problems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class InFlightAnswersTest {
    private final InFlightAnswers inFlight = new InFlightAnswers();
    private final List<String> written = new ArrayList<>();

    @Test
    void shouldAnswerWithTheOutcomeAndForgetTheRequest() {
        var outcome = new CompletableFuture<String>();
        CompletableFuture<Void> answered = inFlight.answer(outcome, written::add, Runnable::run);

        outcome.complete("202");

        assertThat(answered).isCompleted();
        assertThat(written).containsExactly("202");
        assertThat(inFlight.abandon(Problems.shuttingDown(Duration.ofSeconds(5)))).as("nothing left waiting").isZero();
    }

    @Test
    void shouldAnswerAnAbandonedRequestWithTheProblemAndNeverWithItsLateOutcome() {
        var outcome = new CompletableFuture<String>();
        CompletableFuture<Void> answered = inFlight.answer(outcome, written::add, Runnable::run);

        assertThat(inFlight.abandon(Problems.shuttingDown(Duration.ofSeconds(5)))).isEqualTo(1);
        outcome.complete("202");

        assertThat(answered).failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(ProblemException.class);
        assertThat(written).as("the late outcome is not written").isEmpty();
        assertThat(inFlight.abandon(Problems.shuttingDown(Duration.ofSeconds(5)))).as("abandoned once").isZero();
    }

    @Test
    void shouldPassAFailedOutcomeOnAsItsAnswer() {
        var outcome = new CompletableFuture<String>();
        CompletableFuture<Void> answered = inFlight.answer(outcome, written::add, Runnable::run);

        outcome.completeExceptionally(new IllegalStateException("broken"));

        assertThat(answered).isCompletedExceptionally();
        assertThat(written).isEmpty();
        assertThat(answered.handle((v, e) -> e instanceof CompletionException ? e.getCause() : e).join())
                .isInstanceOf(IllegalStateException.class);
    }
}
