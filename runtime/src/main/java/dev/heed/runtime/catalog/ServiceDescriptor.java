package dev.heed.runtime.catalog;

import dev.heed.runtime.config.PatternSetting;
import dev.heed.runtime.config.Setting;
import java.util.List;

/**
 * One Heed service as the local run starts it and the configuration reference documents it: its name, the
 * Maven module it is built in, its main class (each service's tests check that the class exists under this
 * name), and the settings it reads besides the common ones.
 */
public record ServiceDescriptor(String name, String module, String mainClass, String summary,
                                List<Setting<?>> settings, List<PatternSetting> patterns) {
    public ServiceDescriptor {
        settings = List.copyOf(settings);
        patterns = List.copyOf(patterns);
    }
}
