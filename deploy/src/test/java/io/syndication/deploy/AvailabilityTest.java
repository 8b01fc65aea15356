package io.syndication.deploy;

import static io.syndication.deploy.SyndicationChart.SERVICES;
import static io.syndication.deploy.SyndicationChart.fullname;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.syndication.deploy.SyndicationChart.Example;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Disruption budgets, autoscaling and metrics: what keeps the services up and watched. */
class AvailabilityTest {

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyServiceHasADisruptionBudgetThatNeverBlocksADrain(Example example) {
        RenderedRelease release = SyndicationChart.rendered(example);
        assertAll(SERVICES.stream().map(service -> (Executable) () -> {
            PodDisruptionBudget budget = release.named(PodDisruptionBudget.class, fullname(service));
            assertEquals(podLabels(release.deployment(service)), budget.getSpec().getSelector().getMatchLabels(),
                    service + "'s budget selects its pods");
            // maxUnavailable 1 lets a drain evict even the only replica; minAvailable 1 would block it
            assertNull(budget.getSpec().getMinAvailable(), service);
            assertEquals(new IntOrString(1), budget.getSpec().getMaxUnavailable(), service);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            partner-service  | 2 | 8
            content-service  | 2 | 8
            schedule-service | 2 | 8
            gateway          | 3 | 12
            """)
    void productionAutoscalesEveryServiceOnCpu(String service, int minReplicas, int maxReplicas) {
        RenderedRelease release = SyndicationChart.rendered(Example.PRODUCTION);
        HorizontalPodAutoscaler autoscaler = release.named(HorizontalPodAutoscaler.class, fullname(service));
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertEquals(fullname(service), autoscaler.getSpec().getScaleTargetRef().getName());
        assertEquals(minReplicas, autoscaler.getSpec().getMinReplicas());
        assertEquals(maxReplicas, autoscaler.getSpec().getMaxReplicas());
        MetricSpec metric = autoscaler.getSpec().getMetrics().get(0);
        assertEquals("cpu", metric.getResource().getName());
        assertEquals("Utilization", metric.getResource().getTarget().getType());
        assertNull(release.deployment(service).getSpec().getReplicas(),
                "the autoscaler owns the replica count; an upgrade must not reset it");
    }

    @Test
    void aServiceCanTurnOffWhatTheDefaultsTurnOn() {
        // a service's false overrides the defaults' true (a plain Helm merge would keep the true)
        RenderedRelease release = SyndicationChart.render(Example.PRODUCTION.file,
                Map.of("gateway.autoscaling.enabled", "false", "gateway.replicaCount", "4"));
        assertEquals(3, release.all(HorizontalPodAutoscaler.class).size());
        assertEquals(4, release.deployment("gateway").getSpec().getReplicas());
        assertNull(release.deployment("partner-service").getSpec().getReplicas());
    }

    @Test
    void withoutAutoscalingEveryServiceRunsTwoReplicas() {
        RenderedRelease release = SyndicationChart.rendered(Example.MINIMAL);
        assertTrue(release.all(HorizontalPodAutoscaler.class).isEmpty());
        assertAll(SERVICES.stream().map(service -> (Executable) () ->
                assertEquals(2, release.deployment(service).getSpec().getReplicas(), service)));
    }

    @Test
    void everyServiceMonitorScrapesItsServicesManagementPort() {
        RenderedRelease release = SyndicationChart.rendered(Example.PRODUCTION);
        assertAll(SERVICES.stream().map(service -> (Executable) () -> {
            ServiceMonitor monitor = release.named(ServiceMonitor.class, fullname(service));
            assertEquals("kube-prometheus-stack", monitor.getMetadata().getLabels().get("release"),
                    "the label Prometheus selects ServiceMonitors by");
            Service target = release.named(Service.class, fullname(service));
            assertTrue(target.getMetadata().getLabels().entrySet()
                            .containsAll(monitor.getSpec().getSelector().getMatchLabels().entrySet()),
                    service + "'s monitor selects its Service");
            Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
            assertEquals("/q/metrics", endpoint.getPath());
            ServicePort port = target.getSpec().getPorts().stream()
                    .filter(p -> p.getName().equals(endpoint.getPort()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no port " + endpoint.getPort()));
            assertEquals("management", port.getTargetPort().getStrVal());
            assertEquals(9000, release.container(service).getPorts().stream()
                    .filter(p -> p.getName().equals("management")).findFirst().orElseThrow().getContainerPort());
        }));
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        assertTrue(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
        return selector;
    }
}
