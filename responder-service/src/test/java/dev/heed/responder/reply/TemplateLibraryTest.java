package dev.heed.responder.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateLibraryTest {
    private final TemplateLibrary library = new TemplateLibrary(null, "en");

    private static Map<String, Object> complaintModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("name", "Ada");
        model.put("reference", "order-1234");
        model.put("feedbackId", "fb-1");
        model.put("team", "billing");
        model.put("dueAt", "2026-11-20 11:15 UTC");
        return model;
    }

    @Test
    void shouldRenderSubjectAndBodyWithTheDueTime() {
        TemplateLibrary.Rendered rendered = library.render("complaint-ack", "en", complaintModel());

        assertThat(rendered.template()).isEqualTo("complaint-ack/en");
        assertThat(rendered.subject()).isEqualTo("We have your message about order-1234 and a person is on it");
        assertThat(rendered.body()).startsWith("Hello Ada,")
                .contains("our billing team", "by 2026-11-20 11:15 UTC at the latest", "fb-1");
    }

    @Test
    void shouldFallBackFromRegionToLanguageToDefault() {
        assertThat(library.render("complaint-ack", "de-CH", complaintModel()).template()).isEqualTo("complaint-ack/de");
        assertThat(library.render("complaint-ack", "fr", complaintModel()).template()).isEqualTo("complaint-ack/en");
        assertThat(library.render("complaint-ack", null, complaintModel()).template()).isEqualTo("complaint-ack/en");
        assertThat(library.render("complaint-ack", "und", complaintModel()).template()).isEqualTo("complaint-ack/en");
    }

    @Test
    void shouldRenderNullValuesEmptyAndLeaveOptionalSectionsOut() {
        Map<String, Object> model = complaintModel();
        model.put("name", null);
        model.put("reference", null);

        TemplateLibrary.Rendered rendered = library.render("complaint-ack", "en", model);

        assertThat(rendered.subject()).isEqualTo("We have your message and a person is on it");
        assertThat(rendered.body()).startsWith("Hello,");
    }

    @Test
    void shouldFailLoudlyOnAVariableTheModelDoesNotHave() {
        Map<String, Object> model = complaintModel();
        model.remove("dueAt");

        assertThatThrownBy(() -> library.render("complaint-ack", "en", model)).hasMessageContaining("dueAt");
    }

    @Test
    void shouldPreferAnEditedTemplateFromTheOverrideDirectory(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("en/praise-thanks.mustache"), "Subject: Cheers {{name}}\n\nYou made our day.\n");

        TemplateLibrary.Rendered rendered = new TemplateLibrary(dir, "en").render("praise-thanks", "en", Map.of("name", "Ada"));

        assertThat(rendered.subject()).isEqualTo("Cheers Ada");
        assertThat(rendered.body()).isEqualTo("You made our day.\n");
    }

    @Test
    void shouldRefuseATemplateWithoutSubjectLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("en"));
        Files.writeString(dir.resolve("en/broken.mustache"), "Hello\n");

        assertThatThrownBy(() -> new TemplateLibrary(dir, "en").render("broken", "en", Map.of()))
                .hasMessageContaining("Subject:");
    }

    @Test
    void shouldReportAMissingTemplateAtStartUp() {
        assertThatThrownBy(() -> library.requireDefaults(List.of("praise-thanks", "no-such-template")))
                .hasMessageContaining("no-such-template");
    }

    @Test
    void shouldShipEveryReplyAndAgentTemplateInEnglishAndGerman() {
        for (String language : List.of("en", "de")) {
            new TemplateLibrary(null, language).requireDefaults(ReplyTemplate.allNames());
            new TemplateLibrary(null, language).requireDefaults(CustomerUpdates.TEMPLATES);
        }
        library.requireDefaults(List.of("agent-escalated", "agent-due"));
    }
}
