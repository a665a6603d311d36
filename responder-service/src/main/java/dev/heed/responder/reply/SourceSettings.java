package dev.heed.responder.reply;

import java.util.Locale;

/**
 * How one upstream system wants its customers answered: an optional webhook back to it (with its signing
 * secret), whether that webhook is preferred over e-mail, and the language to answer in when neither the
 * customer nor the classifier names one.
 */
public record SourceSettings(String webhookUrl, String webhookSecret, boolean preferWebhook, String language) {

    public static final SourceSettings NONE = new SourceSettings(null, null, false, null);

    public boolean hasWebhook() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    /** The key a source system is configured under: upper case, anything but letters and digits as '_'. */
    public static String key(String sourceSystem) {
        return sourceSystem.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    @Override
    public String toString() {
        return "SourceSettings[webhook=" + webhookUrl + ", signed=" + (webhookSecret != null)
                + ", preferWebhook=" + preferWebhook + ", language=" + language + "]";
    }
}
