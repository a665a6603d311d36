package dev.heed.responder.reply;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mustache templates per language, editable without a rebuild: a template is looked up first in the
 * override directory ({@code <dir>/<lang>/<name>.mustache}), then on the class path
 * ({@code templates/<lang>/<name>.mustache}), for the language tag, then its primary language
 * ({@code de-CH} → {@code de}), then the default language. A template file's first line is
 * {@code Subject: ...}; the body follows after one blank line. Text is rendered unescaped (these are
 * plain-text mails and JSON string fields, never HTML); a missing variable is an error, a null one renders
 * empty.
 */
public final class TemplateLibrary {
    private static final String SUBJECT = "Subject:";

    private final Path overrideDir;
    private final String defaultLanguage;
    private final Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).nullValue("");
    private final Map<String, Optional<Compiled>> cache = new ConcurrentHashMap<>();

    /** @param overrideDir a directory of edited templates, or null for the class path only */
    public TemplateLibrary(Path overrideDir, String defaultLanguage) {
        this.overrideDir = overrideDir;
        this.defaultLanguage = defaultLanguage.toLowerCase(Locale.ROOT);
    }

    /** A rendered message: which template and language were used, its subject and its body. */
    public record Rendered(String template, String subject, String body) {}

    public Rendered render(String name, String languageTag, Map<String, ?> model) {
        for (String language : candidates(languageTag)) {
            Optional<Compiled> compiled = cache.computeIfAbsent(language + "/" + name, key -> load(language, name));
            if (compiled.isPresent()) {
                return new Rendered(name + "/" + language, compiled.get().subject.execute(model).trim(),
                        compiled.get().body.execute(model));
            }
        }
        throw new IllegalStateException("no template " + name + " for " + languageTag + " nor " + defaultLanguage);
    }

    /** Fails at start-up rather than at the first message when a template is missing for the default language. */
    public void requireDefaults(List<String> names) {
        for (String name : names) {
            if (cache.computeIfAbsent(defaultLanguage + "/" + name, key -> load(defaultLanguage, name)).isEmpty()) {
                throw new IllegalStateException("template " + name + " is missing for the default language " + defaultLanguage);
            }
        }
    }

    List<String> candidates(String languageTag) {
        List<String> languages = new ArrayList<>();
        if (languageTag != null && !languageTag.isBlank() && !languageTag.equalsIgnoreCase("und")) {
            String tag = languageTag.toLowerCase(Locale.ROOT).replace('_', '-');
            languages.add(tag);
            int dash = tag.indexOf('-');
            if (dash > 0) {
                languages.add(tag.substring(0, dash));
            }
        }
        languages.add(defaultLanguage);
        return languages.stream().distinct().toList();
    }

    private Optional<Compiled> load(String language, String name) {
        String relative = language + "/" + name + ".mustache";
        Optional<String> text = fromDirectory(relative).or(() -> fromClassPath("templates/" + relative));
        return text.map(source -> compile(relative, source));
    }

    private Optional<String> fromDirectory(String relative) {
        if (overrideDir == null) {
            return Optional.empty();
        }
        Path file = overrideDir.resolve(relative);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    private static Optional<String> fromClassPath(String resource) {
        try (InputStream in = TemplateLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    private Compiled compile(String where, String source) {
        String text = source.replace("\r\n", "\n");
        int endOfFirstLine = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || endOfFirstLine < 0) {
            throw new IllegalStateException("template " + where + " must start with a '" + SUBJECT + "' line");
        }
        String subject = text.substring(SUBJECT.length(), endOfFirstLine);
        String body = text.substring(endOfFirstLine + 1).replaceFirst("^\n", "");
        return new Compiled(compiler.compile(subject), compiler.compile(body));
    }

    private record Compiled(Template subject, Template body) {}
}
