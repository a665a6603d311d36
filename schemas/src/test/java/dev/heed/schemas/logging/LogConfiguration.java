package dev.heed.schemas.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * A service's real Logback configuration loaded into a context of its own (not the tests' one), with its
 * console appender writing into memory: tests render log lines exactly as the service would print them, and
 * see every warning Logback raised while reading the file.
 */
public final class LogConfiguration implements AutoCloseable {
    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private LogConfiguration(URL file, String appender) throws JoranException {
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file);
        var console = (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(appender);
        if (console == null) {
            throw new IllegalStateException(file + " attaches no appender " + appender + " to the root logger");
        }
        console.setOutputStream(out);
    }

    /** Loads {@code file} (a service's {@code logback.xml}) and captures what its appender {@code appender} writes. */
    public static LogConfiguration load(URL file, String appender) throws JoranException {
        return new LogConfiguration(file, appender);
    }

    /** Logs through the configured context as {@code loggerName} and returns the lines written. */
    public List<String> render(String loggerName, Consumer<org.slf4j.Logger> log) {
        out.reset();
        log.accept(context.getLogger(loggerName));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Logback's own warnings and errors about the file (an unknown property, a missing class, ...). */
    public List<String> problems() {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).map(Status::getMessage).toList();
    }

    @Override
    public void close() {
        context.stop();
    }
}
