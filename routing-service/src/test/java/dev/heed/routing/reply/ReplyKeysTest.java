package dev.heed.routing.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyKeysTest {

    @Test
    void aCustomerKnownThreeWaysWithAReferenceHasAKeyPerWayAndNoneWithoutAReference() {
        assertThat(ReplyKeys.references("k-1", "ada@example.org", "+41446681800", "order-1")).hasSize(3)
                .allMatch(key -> key.matches("ref:[0-9a-f]{64}"));
        assertThat(ReplyKeys.references("k-1", null, " ", "order-1")).hasSize(1);
        assertThat(ReplyKeys.references("k-1", "ada@example.org", null, null)).isEmpty();
        assertThat(ReplyKeys.references("k-1", "ada@example.org", null, "  ")).isEmpty();
        assertThat(ReplyKeys.references(null, null, null, "order-1")).as("an anonymous customer matches nobody").isEmpty();
    }

    @Test
    void keysMatchTheSameCustomerAndReferenceOnlyWithEMailComparedWithoutCase() {
        List<String> complaint = ReplyKeys.references("k-1", "Ada@Example.org", null, "order-1");

        assertThat(ReplyKeys.references(null, "ada@example.ORG", null, "order-1")).containsExactly(complaint.get(1));
        assertThat(ReplyKeys.references("k-1", null, null, "order-1")).containsExactly(complaint.get(0));
        assertThat(ReplyKeys.references("k-2", null, null, "order-1")).doesNotContainAnyElementsOf(complaint);
        assertThat(ReplyKeys.references("k-1", null, null, "ORDER-1")).as("references as given").doesNotContainAnyElementsOf(complaint);
        assertThat(ReplyKeys.references("ab", null, null, "c")).as("no shifting of parts collides")
                .doesNotContainAnyElementsOf(ReplyKeys.references("a", null, null, "bc"));
        assertThat(ReplyKeys.references("k-1", null, null, "order-1")).as("an id is no phone number")
                .doesNotContainAnyElementsOf(ReplyKeys.references(null, null, "k-1", "order-1"));
    }

    @Test
    void theOpenKeyNamesTheComplaint() {
        assertThat(ReplyKeys.open("c-1")).isEqualTo("open:c-1");
    }

    @Test
    void repliesCountEveryReplyAndTheNegativeOnesAndKeepTheLast() {
        Replies replies = Replies.indexed(List.of("ref:1"))
                .with(new CustomerReply("r-1", Instant.ofEpochSecond(10), true))
                .with(new CustomerReply("r-2", Instant.ofEpochSecond(20), false));

        assertThat(replies).extracting(Replies::count, Replies::negative, Replies::lastAt, Replies::referenceKeys)
                .containsExactly(2, 1, Instant.ofEpochSecond(20), List.of("ref:1"));
        assertThat(replies.last().feedbackId()).isEqualTo("r-2");
        assertThat(Replies.indexed(List.of()).lastAt()).isNull();
        assertThatThrownBy(() -> new Replies(List.of(), 1, 2, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
