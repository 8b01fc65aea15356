package io.syndication.deploy;

import static io.syndication.deploy.SyndicationChart.SERVICES;
import static io.syndication.deploy.SyndicationChart.fullname;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.syndication.deploy.SyndicationChart.Example;
import io.syndication.deploy.WorkloadTest.ContainerOfService;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What a release consists of, what of it is reachable from outside, and where its secrets come from. */
class ReleaseTest {

    // a token endpoint's address (GATEWAY_TOKEN_URL) is public, not a secret
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN(?!_URL$)", Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PRODUCTION | Deployment=4, HorizontalPodAutoscaler=4, Ingress=1, NetworkPolicy=5, PodDisruptionBudget=4, Service=4, ServiceAccount=4, ServiceMonitor=4
            MINIMAL    | Deployment=4, Ingress=1, NetworkPolicy=4, PodDisruptionBudget=4, Service=4, ServiceAccount=4
            """)
    void rendersExactlyTheseObjects(Example example, String kinds) {
        // no Secret and no ConfigMap among them: the chart refers to Secrets, it never writes one
        Map<String, Long> rendered = SyndicationChart.rendered(example).resources().stream()
                .collect(groupingBy(HasMetadata::getKind, java.util.TreeMap::new, counting()));
        assertEquals(kinds, rendered.toString().replaceAll("[{}]", ""));
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void onlyTheGatewayIsReachableFromOutsideTheCluster(Example example) {
        RenderedRelease release = SyndicationChart.rendered(example);
        List<Ingress> ingresses = release.all(Ingress.class);
        assertEquals(1, ingresses.size(), "one Ingress");
        Ingress ingress = ingresses.get(0);
        assertEquals("api.syndication.example", ingress.getSpec().getRules().get(0).getHost(), "publicUrl's host");
        List<IngressBackend> backends = ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> path.getBackend())
                .toList();
        assertFalse(backends.isEmpty());
        assertAll(backends.stream().map(backend -> (Executable) () -> {
            assertEquals(fullname("gateway"), backend.getService().getName());
            assertEquals("http", backend.getService().getPort().getName());
        }));
        assertNull(ingress.getSpec().getDefaultBackend(), "no default backend besides the gateway");
        assertAll(release.all(Service.class).stream().map(service -> (Executable) () -> {
            String type = service.getSpec().getType();
            assertTrue(type == null || type.equals("ClusterIP"), service.getMetadata().getName() + " is " + type);
            assertTrue(service.getSpec().getExternalIPs() == null || service.getSpec().getExternalIPs().isEmpty());
        }));
    }

    @Test
    void theProductionIngressTerminatesTlsForThePublicHost() {
        Ingress ingress = SyndicationChart.rendered(Example.PRODUCTION).named(Ingress.class, fullname("gateway"));
        assertEquals("nginx", ingress.getSpec().getIngressClassName());
        assertEquals(List.of("api.syndication.example"), ingress.getSpec().getTls().get(0).getHosts());
        assertEquals("api-syndication-tls", ingress.getSpec().getTls().get(0).getSecretName());
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void everySecretComesFromASecret(Example example) {
        List<ContainerOfService> containers = WorkloadTest.containers(example).toList();
        List<String> secretVariables = containers.stream()
                .flatMap(entry -> entry.container().getEnv().stream()
                        .filter(env -> SECRET_NAME.matcher(env.getName()).find())
                        .map(env -> entry.service() + " " + env.getName()))
                .sorted()
                .toList();
        // the check below is not vacuous: these are the secrets the services read
        assertEquals(List.of(
                "content-service DB_PASSWORD",
                "gateway DB_PASSWORD",
                "partner-service DB_PASSWORD",
                "partner-service KEYCLOAK_ADMIN_CLIENT_SECRET",
                "schedule-service DB_PASSWORD"), secretVariables);
        assertAll(containers.stream()
                .flatMap(entry -> entry.container().getEnv().stream()
                        .filter(env -> SECRET_NAME.matcher(env.getName()).find())
                        .map(env -> (Executable) () -> assertFromSecret(entry.service(), env))));
    }

    private static void assertFromSecret(String service, EnvVar env) {
        String who = service + " " + env.getName();
        assertNull(env.getValue(), who + " has no literal value");
        assertTrue(env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null,
                who + " comes from a Secret");
        assertFalse(env.getValueFrom().getSecretKeyRef().getName().isBlank(), who + " names its Secret");
        assertFalse(env.getValueFrom().getSecretKeyRef().getKey().isBlank(), who + " names its key");
    }

    @ParameterizedTest(name = "{0} image, tag {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            jvm    | -     | <version>        | 185
            native | -     | <version>-native | 1001
            jvm    | 2.0.1 | 2.0.1            | 185
            native | 2.0.1 | 2.0.1-native     | 1001
            """)
    void imagesAreNamedRegistrySyndicationServiceTag(String variant, String tag, String expectedTag, long uid) {
        Map<String, String> values = tag == null ? Map.of("image.variant", variant)
                : Map.of("image.variant", variant, "image.tag", tag);
        RenderedRelease release = SyndicationChart.render(Example.PRODUCTION.file, values);
        String version = System.getProperty("project.version");
        assertAll(SERVICES.stream().map(service -> (Executable) () -> {
            var container = release.container(service);
            assertEquals("registry.example.com/syndication/" + service + ":" + expectedTag.replace("<version>", version),
                    container.getImage());
            assertEquals(uid, container.getSecurityContext().getRunAsUser(), service + " runs as the image's user");
            // the heap setting is the JVM's; a native executable has none to read
            assertEquals(variant.equals("jvm"), container.getEnv().stream().anyMatch(env -> env.getName().equals("JAVA_MAX_MEM_RATIO")));
        }));
    }
}
