package io.syndication.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.smallrye.config.SmallRyeConfig;

/**
 * Every service's entry point: in production it first checks the settings the deployment must give,
 * and refuses to start, naming each one at once, when any is missing or is a published demo secret.
 * Quarkus would stop at the first missing one, often naming neither the setting nor its variable.
 * <ul>
 * <li>Missing: each {@code %prod} setting that names an environment variable with no default (e.g.
 * {@code ${DB_PASSWORD}}) while that variable is unset.</li>
 * <li>Published: the secret settings ({@code platform.secrets.settings}) must not hold a demo value
 * published in this repository ({@code platform.secrets.published}), which anyone can read;
 * {@code ./suite} runs on them on purpose and says so with {@code platform.secrets.allow-published=true}.</li>
 * </ul>
 */
@QuarkusMain
public final class ProductionSettings {

    /** The settings this service holds secrets in, comma-separated: {@code platform.secrets.settings}. */
    static final String SETTINGS = "platform.secrets.settings";
    /** The demo values this repository publishes: {@code platform.secrets.published}. */
    static final String PUBLISHED = "platform.secrets.published";
    static final String ALLOW_PUBLISHED = "platform.secrets.allow-published";

    /** SmallRye Config's words for a setting whose variable has no value (SRCFG00011). */
    private static final Pattern UNSET_VARIABLE = Pattern.compile("Could not expand value (\\S+) in property (\\S+)");

    private ProductionSettings() {
    }

    public static void main(String... args) {
        // the profile, not the launch mode: a packaged artifact under test (@QuarkusIntegrationTest) runs
        // in the test profile, on the tests' own throw-away settings
        Config config = ConfigProvider.getConfig();
        if (config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod")) {
            List<String> refused = refusals(config);
            if (!refused.isEmpty()) {
                System.err.println("Refusing to start in production:\n  " + String.join("\n  ", refused));
                System.exit(1);
            }
        }
        Quarkus.run(args);
    }

    static List<String> refusals(Config config) {
        Map<String, String> unset = unsetVariables(config);
        List<String> refused = new ArrayList<>();
        unset.forEach((setting, variable) -> refused.add(setting + " needs the environment variable " + variable
                + ", which is not set"));
        if (!config.getOptionalValue(ALLOW_PUBLISHED, Boolean.class).orElse(false)) {
            Map<String, Optional<String>> secrets = new TreeMap<>();
            config.getOptionalValues(SETTINGS, String.class).orElse(List.of()).stream()
                    .filter(setting -> !unset.containsKey(setting))
                    .forEach(setting -> secrets.put(setting, config.getOptionalValue(setting, String.class)));
            refused.addAll(secretRefusals(secrets,
                    Set.copyOf(config.getOptionalValues(PUBLISHED, String.class).orElse(List.of()))));
        }
        return refused;
    }

    /** Each setting in use whose value needs an environment variable that is not set: the variable, by setting. */
    static Map<String, String> unsetVariables(Config config) {
        Map<String, String> unset = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("%")) {
                continue;
            }
            try {
                config.getValue(name, String.class);
            } catch (NoSuchElementException e) {
                // also thrown for a setting that is merely empty, which Quarkus judges where it is used
                Matcher variable = UNSET_VARIABLE.matcher(String.valueOf(e.getMessage()));
                if (variable.find()) {
                    unset.put(variable.group(2), variable.group(1));
                }
            }
        }
        return unset;
    }

    /** Why each secret's value may not be used in production, in setting order; empty when all may. */
    static List<String> secretRefusals(Map<String, Optional<String>> values, Set<String> published) {
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
