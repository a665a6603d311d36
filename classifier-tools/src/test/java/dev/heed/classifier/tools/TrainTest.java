package dev.heed.classifier.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainTest {
    @Test
    void namesTheFirstDataFileThatIsMissingAndAcceptsAFolderWithThemAll(@TempDir Path data) throws Exception {
        assertThat(Train.unreadable(data)).startsWith("cannot read " + data.resolve("train")).contains("--data must name");

        Files.createDirectories(data.resolve("train"));
        Files.createDirectories(data.resolve("dev"));
        for (String file : Train.concat(Train.TWEETS, Train.DEV)) {
            Files.writeString(data.resolve(file), "label\ttext\n");
        }
        assertThat(Train.unreadable(data)).isNull();

        Path last = data.resolve(Train.DEV.get(Train.DEV.size() - 1));
        Files.delete(last);
        assertThat(Train.unreadable(data)).startsWith("cannot read " + last);
    }
}
