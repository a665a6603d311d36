package dev.heed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErasureRequestTest {

    private static ErasureRequest parse(String... words) {
        return ErasureRequest.from(CliArgs.parse(List.of(words), ErasureRequest.OPTIONS, ErasureRequest.SWITCHES));
    }

    @Test
    void shouldTakeEveryGivenIdAndTheEmailInLowerCase() {
        ErasureRequest request = parse("--email", "Ada@Example.COM", "--feedback-id", "fb-1", "--feedback-id=fb-2", "--dry-run");

        assertThat(request.emails()).containsExactly("ada@example.com");
        assertThat(request.feedbackIds()).containsExactlyInAnyOrder("fb-1", "fb-2");
        assertThat(request.customerIds()).isEmpty();
        assertThat(request.dryRun()).isTrue();
        assertThat(parse("--customer-id", "c-7").dryRun()).isFalse();
    }

    @Test
    void shouldMatchTheCustomerByEmailIgnoringCaseOrById() {
        ErasureRequest byEmail = parse("--email", "ada@example.com");
        ErasureRequest byId = parse("--customer-id", "c-7");

        assertThat(byEmail.isCustomer(null, " ADA@example.com")).isTrue();
        assertThat(byEmail.isCustomer("c-7", "grace@example.com")).isFalse();
        assertThat(byEmail.isCustomer(null, null)).isFalse();
        assertThat(byId.isCustomer("c-7", null)).isTrue();
        assertThat(byId.isCustomer("c-70", "ada@example.com")).isFalse();
    }

    @Test
    void shouldRefuseARequestThatNamesNobody() {
        assertThatThrownBy(() -> parse()).isInstanceOf(UsageException.class).hasMessageStartingWith("say whose data to erase");
        assertThatThrownBy(() -> parse("--dry-run")).isInstanceOf(UsageException.class).hasMessageContaining("usage: heed erase");
        assertThatThrownBy(() -> parse("--email", " ")).isInstanceOf(UsageException.class).hasMessage("--email needs a value");
        assertThatThrownBy(() -> parse("--feedback-id", "")).isInstanceOf(UsageException.class).hasMessage("--feedback-id needs a value");
    }

    @Test
    void shouldRefuseUnknownOptionsStrayWordsAndNonAddresses() {
        assertThatThrownBy(() -> parse("--mail", "a@b")).isInstanceOf(UsageException.class).hasMessage("unknown option --mail");
        assertThatThrownBy(() -> parse("ada@example.com")).isInstanceOf(UsageException.class).hasMessageStartingWith("unexpected ada@example.com");
        assertThatThrownBy(() -> parse("--email", "ada")).isInstanceOf(UsageException.class).hasMessageContaining("not an e-mail address");
        assertThatThrownBy(() -> parse("--customer-id")).isInstanceOf(UsageException.class).hasMessage("--customer-id needs a value");
    }

    @Test
    void heedShouldExitWithTwoOnWrongUsageBeforeItLooksForKafka() {
        var err = new ByteArrayOutputStream();
        var stream = new PrintStream(err, true, StandardCharsets.UTF_8);

        int unknown = Heed.run(List.of("erase", "--mail", "ada@example.com"), Map.of(), stream, stream, new AtomicBoolean());
        int stray = Heed.run(List.of("erase", "ada@example.com"), Map.of("HEED_BOOTSTRAP_SERVERS", "127.0.0.1:1",
                "HEED_REGISTRY_URL", "http://127.0.0.1:1"), stream, stream, new AtomicBoolean());

        assertThat(unknown).isEqualTo(2);
        assertThat(stray).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --mail", "unexpected ada@example.com");
    }

    @Test
    void repeatedOptionsShouldAllBeKeptInOrder() {
        CliArgs args = CliArgs.parse(List.of("--id", "a", "--id=b"), Set.of("id"), Set.of());

        assertThat(args.all("id")).containsExactly("a", "b");
        assertThat(args.option("id")).contains("b");
        assertThat(args.all("other")).isEmpty();
    }
}
