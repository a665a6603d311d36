package dev.heed.routing.topology.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heed.events.Severity;
import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.schemas.SampleEvents;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassificationMapperTest {

    @Test
    void anUnknownSeverityReachesTheEscalationRuleAsEmptyAndEveryOtherByName() {
        assertThat(ClassificationMapper.severity(Severity.UNKNOWN)).isEmpty();
        for (SeverityLabel label : SeverityLabel.values()) {
            assertThat(ClassificationMapper.severity(Severity.valueOf(label.name()))).isEqualTo(Optional.of(label));
        }
        assertThat(Arrays.stream(Severity.values()).filter(s -> s != Severity.UNKNOWN)).hasSize(SeverityLabel.values().length);
    }

    @Test
    void categoriesKeepTheirOrderBestFirst() {
        assertThat(ClassificationMapper.categories(SampleEvents.classification()))
                .containsExactly(CategoryLabel.BILLING, CategoryLabel.SUPPORT_WAIT);
    }
}
