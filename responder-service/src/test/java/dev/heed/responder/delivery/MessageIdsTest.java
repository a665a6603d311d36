package dev.heed.responder.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void shouldDeriveTheSameIdFromTheSameTriggerEveryTime() {
        assertThat(MessageIds.reply("fb-1")).isEqualTo(MessageIds.reply("fb-1"));
        assertThat(MessageIds.reminder("fb-1", 3, "EMAIL:lead@example.com"))
                .isEqualTo(MessageIds.reminder("fb-1", 3, "EMAIL:lead@example.com"));
    }

    @Test
    void shouldBeStableAcrossReleasesBecauseReceiversRememberIt() {
        // A changed derivation would make every in-flight repeat after an upgrade look new to receivers.
        assertThat(MessageIds.reply("fb-1")).isEqualTo("msg_bb8b09f781a3370f8e3c1591e5ec90d6");
    }

    @Test
    void shouldGiveEveryKindReminderAndRecipientItsOwnId() {
        Set<String> ids = Set.of(
                MessageIds.reply("fb-1"),
                MessageIds.reply("fb-2"),
                MessageIds.escalated("fb-1", "EMAIL:a@example.com"),
                MessageIds.escalated("fb-1", "EMAIL:b@example.com"),
                MessageIds.reminder("fb-1", 1, "EMAIL:a@example.com"),
                MessageIds.reminder("fb-1", 2, "EMAIL:a@example.com"),
                MessageIds.reminder("fb-1", 1, "WEBHOOK:https://chat.example.com/h"));
        assertThat(ids).hasSize(7).allSatisfy(id -> assertThat(id).matches("msg_[0-9a-f]{32}"));
    }

    @Test
    void shouldNotLetAnIdContainingTheSeparatorCollideWithAnother() {
        assertThat(MessageIds.escalated("a|b", "c")).isNotEqualTo(MessageIds.escalated("a", "b|c"));
    }
}
