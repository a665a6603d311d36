package dev.heed.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void portsHandedOutOneAfterAnotherAreNeverTheSame() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            assertThat(seen.add(Ports.free())).as("port %d handed out twice", i).isTrue();
        }
    }
}
