package io.syndication.deploy;

import static io.syndication.deploy.SyndicationChart.RELEASE;
import static io.syndication.deploy.SyndicationChart.SERVICES;
import static io.syndication.deploy.SyndicationChart.fullname;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.syndication.deploy.SyndicationChart.Example;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The NetworkPolicies admit the calls the services make and nothing else. Peers are written as
 * {@code service} (a pod of this release), {@code namespace/pods} (pods elsewhere), {@code k=v}
 * (pods by other labels) and {@code *} (anyone, anywhere).
 */
class NetworkPolicyTest {

    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # service        | HTTP port from              | management port from
            partner-service  | content-service gateway     | gateway monitoring/prometheus
            content-service  | gateway schedule-service    | gateway monitoring/prometheus
            schedule-service | gateway                     | gateway monitoring/prometheus
            gateway          | ingress-nginx/ingress-nginx | monitoring/prometheus
            """)
    void eachServiceAdmitsOnlyItsCallers(String service, String httpFrom, String managementFrom) {
        NetworkPolicy policy = policy(Example.PRODUCTION, service);
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        assertEquals(Map.of(HTTP + "/TCP", httpFrom, MANAGEMENT + "/TCP", managementFrom), admitted(policy));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # service        | port/protocol=destinations, ...
            partner-service  | 53/TCP=kube-system/k8s-app=kube-dns  53/UDP=kube-system/k8s-app=kube-dns  443/TCP=*  5432/TCP=cnpg.io/cluster=syndication-db  9092/TCP=kafka/strimzi.io/cluster=events
            content-service  | 53/TCP=kube-system/k8s-app=kube-dns  53/UDP=kube-system/k8s-app=kube-dns  443/TCP=*  5432/TCP=cnpg.io/cluster=syndication-db  8080/TCP=partner-service  9092/TCP=kafka/strimzi.io/cluster=events
            schedule-service | 53/TCP=kube-system/k8s-app=kube-dns  53/UDP=kube-system/k8s-app=kube-dns  443/TCP=*  5432/TCP=cnpg.io/cluster=syndication-db  8080/TCP=content-service  9092/TCP=kafka/strimzi.io/cluster=events
            gateway          | 53/TCP=kube-system/k8s-app=kube-dns  53/UDP=kube-system/k8s-app=kube-dns  443/TCP=*  5432/TCP=cnpg.io/cluster=syndication-db  8080/TCP=content-service,partner-service,schedule-service  9000/TCP=content-service,partner-service,schedule-service  9092/TCP=kafka/strimzi.io/cluster=events
            """)
    void eachServiceReachesOnlyDnsKeycloakKafkaItsDatabaseAndItsCallees(String service, String destinations) {
        Map<String, String> expected = Stream.of(destinations.trim().split("\\s+"))
                .map(entry -> entry.split("=", 2))
                .collect(Collectors.toMap(entry -> entry[0], entry -> entry[1].replace(",", " "), (a, b) -> a, TreeMap::new));
        assertEquals(expected, reached(policy(Example.PRODUCTION, service)));
    }

    @Test
    void theDatabaseAdmitsOnlyTheServicesThatOwnADatabase() {
        NetworkPolicy database = SyndicationChart.rendered(Example.PRODUCTION).named(NetworkPolicy.class, fullname("database"));
        assertEquals(Map.of("cnpg.io/cluster", "syndication-db"), database.getSpec().getPodSelector().getMatchLabels());
        assertEquals(List.of("Ingress"), database.getSpec().getPolicyTypes());
        Map<String, String> admitted = admitted(database);
        // its own instances replicate on any port; the operator reads their status on 8000
        assertEquals("cnpg.io/cluster=syndication-db", admitted.get("any port"));
        assertEquals("cnpg-system/cloudnative-pg", admitted.get("8000/TCP"));
        assertEquals("content-service gateway partner-service schedule-service", admitted.get("5432/TCP"),
                "the gateway too: its rate-limit buckets");
        assertEquals(3, admitted.size());
    }

    @Test
    void withoutTheDatabasesPodsTheServicesReachItsPortAnywhere() {
        RenderedRelease release = SyndicationChart.rendered(Example.MINIMAL);
        assertTrue(release.all(NetworkPolicy.class).stream().noneMatch(p -> p.getMetadata().getName().equals(fullname("database"))));
        assertEquals("*", reached(policy(Example.MINIMAL, "content-service")).get("5432/TCP"));
        assertEquals("*", reached(policy(Example.MINIMAL, "gateway")).get("5432/TCP"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # a value set on the minimal values                                        | Kafka's ports, from any address
            kafka.bootstrapServers=kafka.example:9092                                  | 9092/TCP
            'kafka.bootstrapServers=a.example:9092,b.example:9094,c.example:9092'      | 9092/TCP 9094/TCP
            kafka.networkPolicy.ports[0]=9093                                          | 9093/TCP
            """)
    void theServicesReachKafkaOnTheBootstrapServersPortsUnlessTold(String value, String ports) {
        String[] keyAndValue = value.split("=", 2);
        RenderedRelease release = SyndicationChart.render(Example.MINIMAL.file, Map.of(keyAndValue[0], keyAndValue[1]));
        Map<String, String> expected = new TreeMap<>(Map.of("53/TCP", "kube-system/k8s-app=kube-dns",
                "53/UDP", "kube-system/k8s-app=kube-dns", "443/TCP", "*", "5432/TCP", "*", "8080/TCP", "partner-service"));
        Stream.of(ports.split(" ")).forEach(port -> expected.put(port, "*"));
        assertEquals(expected, reached(release.named(NetworkPolicy.class, fullname("content-service"))));
    }

    @Test
    void everyPolicySelectsItsServicesPodsAndEveryPeerSomePods() {
        RenderedRelease release = SyndicationChart.rendered(Example.PRODUCTION);
        List<Map<String, String>> podLabels = release.all(Deployment.class).stream()
                .map(deployment -> deployment.getSpec().getTemplate().getMetadata().getLabels())
                .toList();
        List<Executable> checks = SERVICES.stream().map(service -> (Executable) () -> {
            NetworkPolicy policy = policy(Example.PRODUCTION, service);
            assertEquals(release.deployment(service).getSpec().getSelector().getMatchLabels(),
                    policy.getSpec().getPodSelector().getMatchLabels(), service + "'s policy selects its pods");
            Stream.concat(
                            policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()),
                            policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream()))
                    .filter(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                            && RELEASE.equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/instance")))
                    .forEach(peer -> assertTrue(podLabels.stream().anyMatch(labels ->
                                    labels.entrySet().containsAll(peer.getPodSelector().getMatchLabels().entrySet())),
                            service + ": no pod has the labels " + peer.getPodSelector().getMatchLabels()));
        }).toList();
        assertAll(checks);
    }

    @Test
    void policiesCanBeLeftToTheCluster() {
        RenderedRelease release = SyndicationChart.render(Example.PRODUCTION.file, Map.of("networkPolicy.enabled", "false"));
        assertTrue(release.all(NetworkPolicy.class).isEmpty());
    }

    private static NetworkPolicy policy(Example example, String service) {
        return SyndicationChart.rendered(example).named(NetworkPolicy.class, fullname(service));
    }

    /** port/protocol (or "any port") to the sorted peers admitted there. */
    private static Map<String, String> admitted(NetworkPolicy policy) {
        Map<String, TreeSet<String>> admitted = new TreeMap<>();
        policy.getSpec().getIngress().forEach(rule -> ports(rule.getPorts()).forEach(port ->
                admitted.computeIfAbsent(port, p -> new TreeSet<>()).addAll(peers(rule.getFrom()))));
        return joined(admitted);
    }

    /** port/protocol to the sorted destinations reached there. */
    private static Map<String, String> reached(NetworkPolicy policy) {
        Map<String, TreeSet<String>> reached = new TreeMap<>();
        policy.getSpec().getEgress().forEach(rule -> ports(rule.getPorts()).forEach(port ->
                reached.computeIfAbsent(port, p -> new TreeSet<>()).addAll(peers(rule.getTo()))));
        return joined(reached);
    }

    private static List<String> ports(List<NetworkPolicyPort> ports) {
        if (ports == null || ports.isEmpty()) {
            return List.of("any port");
        }
        return ports.stream().map(port -> port.getPort().getIntVal() + "/" + port.getProtocol()).toList();
    }

    private static List<String> peers(List<NetworkPolicyPeer> peers) {
        if (peers == null || peers.isEmpty()) {
            return List.of("*");
        }
        return peers.stream().map(NetworkPolicyTest::describe).toList();
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return peer.getIpBlock().getCidr();
        }
        String pods = peer.getPodSelector() == null ? "*" : describe(peer.getPodSelector());
        return peer.getNamespaceSelector() == null ? pods : describe(peer.getNamespaceSelector()) + "/" + pods;
    }

    private static String describe(LabelSelector selector) {
        Map<String, String> labels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (labels.isEmpty() && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty())) {
            return "*";
        }
        if (labels.size() == 2 && RELEASE.equals(labels.get("app.kubernetes.io/instance")) && labels.containsKey("app.kubernetes.io/name")) {
            return labels.get("app.kubernetes.io/name");
        }
        if (labels.size() == 1 && labels.containsKey("kubernetes.io/metadata.name")) {
            return labels.get("kubernetes.io/metadata.name");
        }
        if (labels.size() == 1 && labels.containsKey("app.kubernetes.io/name")) {
            return labels.get("app.kubernetes.io/name");
        }
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))
                + (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty() ? "" : "+expressions");
    }

    private static Map<String, String> joined(Map<String, TreeSet<String>> byPort) {
        Map<String, String> joined = new TreeMap<>();
        byPort.forEach((port, peers) -> joined.put(port, String.join(" ", peers)));
        return joined;
    }
}
