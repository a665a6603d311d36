package dev.heed.ingest.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    private final StrictJson json = new StrictJson(new ObjectMapper());

    private StrictJson.Parsed read(String text) {
        return json.read(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8), "");
    }

    @Test
    void shouldReadOneCleanValue() {
        StrictJson.Parsed parsed = read("{'a':[1,'x',{'b':null}],'c':true} \n");

        assertThat(parsed.isClean()).isTrue();
        assertThat(parsed.tree().toString()).isEqualTo("{\"a\":[1,\"x\",{\"b\":null}],\"c\":true}");
    }

    @Test
    void shouldRefuseTrailingContentAndAnEmptyBodyWithoutATree() {
        assertThat(read("{}{}").tree()).isNull();
        assertThat(read("{}{}").errors()).extracting(FieldError::pointer, FieldError::detail)
                .containsExactly(tuple("/", "has more after the JSON value (line 1, column 3)"));
        assertThat(read(" ").errors()).extracting(FieldError::detail).containsExactly("the body is empty");
    }

    @Test
    void shouldNameEveryRepeatedMemberByItsEscapedPointerBelowTheBase() {
        var parsed = json.read("[{\"a/b\":1,\"a/b\":2},{\"c\":{\"d\":1,\"d\":1}}]".getBytes(StandardCharsets.UTF_8), "/data");

        assertThat(parsed.tree()).isNotNull();
        assertThat(parsed.errors()).extracting(FieldError::pointer).containsExactly("/data/0/a~1b", "/data/1/c/d");
    }

    @Test
    void shouldFindLoneSurrogatesButNotPairs() {
        assertThat(StrictJson.loneSurrogate("ok \uD83D\uDE00")).isEqualTo(-1);
        assertThat(StrictJson.loneSurrogate("\uD83D")).isZero();
        assertThat(StrictJson.loneSurrogate("ab\uDE00\uD83D")).isEqualTo(2);
        assertThat(StrictJson.loneSurrogate("\uD83D\uD83D\uDE00")).isZero();
        assertThat(read("['ok','\\ud800']").errors()).extracting(FieldError::pointer).containsExactly("/1");
    }

    @Test
    void shouldKeepDecimalsExactly() {
        var parsed = read("{'a':5.0,'b':5.00000000000000001,'c':1e400}");

        assertThat(parsed.tree().get("a").decimalValue()).isEqualTo(new BigDecimal("5.0"));
        assertThat(parsed.tree().get("b").decimalValue()).isEqualTo(new BigDecimal("5.00000000000000001"));
        assertThat(parsed.tree().get("c").decimalValue()).isEqualTo(new BigDecimal("1e400"));
        assertThat(read("{'a':1e2147483648}").errors()).extracting(FieldError::pointer).containsExactly("/a");
    }

    @Test
    void shouldRefuseNestingBeyondTheParsersLimitInItsOwnWords() {
        var parsed = read("[".repeat(1001) + "]".repeat(1001));

        assertThat(parsed.tree()).isNull();
        assertThat(parsed.errors()).extracting(FieldError::detail).singleElement().asString().startsWith("exceeds this service's JSON limits");
    }
}
