package dev.heed.classifier.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heed.routing.classify.FeedbackClassifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateTest {

    private static final FeedbackClassifier CLASSIFIER = FeedbackClassifier.loadDefault();

    private static Path resource(String name) throws Exception {
        return Path.of(EvaluateTest.class.getResource(name).toURI());
    }

    @Test
    void theEscalationReportCountsEachLabel() throws Exception {
        Path file = resource("two-class.tsv");
        FileReport r = Evaluate.evaluate(CLASSIFIER, file.toString(), LabelledTsv.read(file), true, row -> { });
        assertThat(r.escalation()).extracting(FileReport.EscalationShare::label).containsExactly("negative", "positive");
        FileReport.EscalationShare negative = r.escalation().get(0);
        assertThat(negative.rows()).isEqualTo(3);
        assertThat(negative.share()).isEqualTo(negative.escalated() / 3.0);
        assertThat(r.escalatedShare("neutral")).isNaN();
        assertThat(r.singleLabel()).isNull();
    }

    @Test
    void aFileWithOneLabelSaysSoAndMeasuresCategoriesWhereStated() throws Exception {
        Path file = resource("negatives.tsv");
        FileReport r = Evaluate.evaluate(CLASSIFIER, file.toString(), LabelledTsv.read(file), true, row -> { });
        assertThat(r.singleLabel()).isEqualTo("negative");
        assertThat(r.categories().stated()).isEqualTo(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Evaluate.print(List.of(r), true, false, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("note: every row is negative").contains("escalated:").contains("top category agrees");
    }

    @Test
    void rowsAreWrittenOnePerLineWithTheirReasons(@TempDir Path dir) throws Exception {
        Path file = resource("negatives.tsv");
        Path rows = dir.resolve("rows.tsv");
        List<RowResult> seen = new ArrayList<>();
        try (RowsWriter writer = RowsWriter.open(rows)) {
            var sink = writer.forFile("negatives.tsv");
            Evaluate.evaluate(CLASSIFIER, file.toString(), LabelledTsv.read(file), true, row -> {
                seen.add(row);
                sink.accept(row);
            });
        }
        List<String> lines = Files.readAllLines(rows);
        assertThat(lines.get(0)).isEqualTo("file\tid\tlabel\tverdict\tescalate\tscore\tconfidence\tcategory\tevidence");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).split("\t")).hasSize(9).startsWith("negatives.tsv", "c1", "negative");
        assertThat(seen).allSatisfy(r -> {
            assertThat(r.confidence()).isBetween(0.0, 1.0);
            assertThat(r.topEvidence()).isNotBlank();
        });
    }

    @Test
    void jsonCarriesTheEscalationReport() throws Exception {
        Path file = resource("negatives.tsv");
        FileReport r = Evaluate.evaluate(CLASSIFIER, file.toString(), LabelledTsv.read(file), true, row -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Evaluate.print(List.of(r), true, true, new PrintStream(out, true, StandardCharsets.UTF_8));
        JsonNode f = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("files").get(0);
        assertThat(f.get("escalation").get(0).get("label").asText()).isEqualTo("negative");
        assertThat(f.get("singleLabel").asText()).isEqualTo("negative");
    }

    @Test
    void theCommandLineRefusesWhatItCannotRun() {
        assertThat(Evaluate.Options.parse(new String[] {})).isNull();
        assertThat(Evaluate.Options.parse(new String[] {"--rows"})).isNull();
        assertThat(Evaluate.Options.parse(new String[] {"--bogus", "a.tsv"})).isNull();
        assertThat(Evaluate.Options.parse(new String[] {"--ignore-rating", "--rows", "o.tsv", "a.tsv"}).files())
                .containsExactly(Path.of("a.tsv"));
    }

    @Test
    void namesAnInputFileThatCannotBeReadInsteadOfFailingWithAStackTrace(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path present = java.nio.file.Files.writeString(dir.resolve("a.tsv"), "label\ttext\n");
        Path missing = dir.resolve("missing.tsv");

        assertThat(Evaluate.Options.parse(new String[] {present.toString()}).unreadable()).isNull();
        assertThat(Evaluate.Options.parse(new String[] {present.toString(), missing.toString()}).unreadable())
                .startsWith("cannot read " + missing);
        assertThat(Evaluate.Options.parse(new String[] {"--model", missing.toString(), present.toString()}).unreadable())
                .startsWith("cannot read " + missing);
        assertThat(Evaluate.Options.parse(new String[] {dir.toString()}).unreadable()).startsWith("cannot read " + dir);
    }
}
