package dev.heed.routing.topology.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heed.routing.problem.ProblemLinks;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ProblemLinksSerdeTest {

    @Test
    void shouldReadBackAnOpenAndAResolvedProblem() {
        ProblemLinks open = new ProblemLinks(List.of("c-1", "c-2"), null, List.of("e-1", "e-2"));
        ProblemLinks resolved = new ProblemLinks(List.of("c-1"), new ProblemLinks.Resolution("e-3", Instant.parse("2026-12-07T10:00:00Z"),
                "grace", "billing", "Refunded. Ünïcode too."), List.of("e-3"));
        ProblemLinks noTeam = new ProblemLinks(List.of(), new ProblemLinks.Resolution("e-4", Instant.EPOCH, "ada", null, "Fixed."), List.of());

        for (ProblemLinks links : List.of(open, resolved, noTeam, ProblemLinks.NONE)) {
            assertThat(ProblemLinksSerde.read(ProblemLinksSerde.write(links))).isEqualTo(links);
        }
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        byte[] bytes = ProblemLinksSerde.write(ProblemLinks.NONE);
        bytes[0] = 9;

        assertThatThrownBy(() -> ProblemLinksSerde.read(bytes)).isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
    }
}
