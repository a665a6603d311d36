package dev.heed.runtime.config;

/**
 * A setting is missing or does not parse: the service cannot start as configured. The message names the
 * variable, the value and what was expected; the launcher exits with status 2 on it.
 */
public final class SettingsException extends IllegalArgumentException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
