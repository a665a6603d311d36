package dev.heed.runtime.config;

import java.util.regex.Pattern;

/**
 * A family of variables named by pattern, such as {@code HEED_SOURCE_<SRC>_WEBHOOK_URL}: {@code display} is how
 * the documentation writes it, {@code regex} matches the real names (its groups are the parts in angle brackets).
 */
public record PatternSetting(String display, Pattern regex, String defaultText, String description, boolean isSecret) {

    public static PatternSetting of(String display, String regex, String defaultText, String description) {
        return new PatternSetting(display, Pattern.compile(regex), defaultText, description, false);
    }

    public PatternSetting asSecret() {
        return new PatternSetting(display, regex, defaultText, description, true);
    }
}
