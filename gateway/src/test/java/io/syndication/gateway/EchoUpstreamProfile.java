package io.syndication.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A gateway in front of {@link EchoUpstreamResource}, with tokens from {@link OidcWiremockTestResource}, and a
 * test's own configuration on top: a test class names its subclass in {@code @TestProfile} and needs no
 * {@code @WithTestResource} of its own.
 */
public abstract class EchoUpstreamProfile implements QuarkusTestProfile {

    private final Map<String, String> overrides;

    protected EchoUpstreamProfile(Map<String, String> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** The configuration that makes {@code service}'s upstream (and its health) {@code 127.0.0.1:port}, plus {@code settings} of it. */
    protected static Map<String, String> upstream(String service, int port, Map<String, String> settings) {
        String prefix = "gateway.upstreams." + service + ".";
        Map<String, String> config = new HashMap<>();
        config.put(prefix + "url", "http://127.0.0.1:" + port);
        config.put(prefix + "management-url", "http://127.0.0.1:" + port);
        settings.forEach((key, value) -> config.put(prefix + key, value));
        return config;
    }

    @Override
    public final Map<String, String> getConfigOverrides() {
        return overrides;
    }

    @Override
    public final List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(EchoUpstreamResource.class));
    }
}
