package io.syndication.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a production service whose secrets are unset or still the published demo values
 * (those in this repository, which anyone can read), naming each such setting. {@code ./suite} runs
 * on the demo values on purpose and says so with {@code platform.secrets.allow-published=true}.
 */
@Singleton
public class ProductionSecrets {

    /** The settings this service holds secrets in, comma-separated: {@code platform.secrets.settings}. */
    static final String SETTINGS = "platform.secrets.settings";
    /** The demo values this repository publishes: {@code platform.secrets.published}. */
    static final String PUBLISHED = "platform.secrets.published";
    static final String ALLOW_PUBLISHED = "platform.secrets.allow-published";

    void check(@Observes StartupEvent started, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL || config.getOptionalValue(ALLOW_PUBLISHED, Boolean.class).orElse(false)) {
            return;
        }
        List<String> settings = config.getOptionalValues(SETTINGS, String.class).orElse(List.of());
        Set<String> published = Set.copyOf(config.getOptionalValues(PUBLISHED, String.class).orElse(List.of()));
        List<String> refused = refusals(settings.stream().collect(Collectors.toMap(Function.identity(),
                setting -> config.getOptionalValue(setting, String.class))), published);
        if (!refused.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", refused));
        }
    }

    /** Why each setting's value may not be used in production, in setting order; empty when all may. */
    static List<String> refusals(Map<String, Optional<String>> values, Set<String> published) {
        List<String> refused = new ArrayList<>();
        values.keySet().stream().sorted().forEach(setting -> {
            Optional<String> value = values.get(setting).filter(secret -> !secret.isBlank());
            if (value.isEmpty()) {
                refused.add(setting + " is not set");
            } else if (published.contains(value.get())) {
                refused.add(setting + " is the published demo value; set a secret of your own");
            }
        });
        return refused;
    }
}
