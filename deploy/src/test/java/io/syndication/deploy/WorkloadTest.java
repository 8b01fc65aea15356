package io.syndication.deploy;

import static io.syndication.deploy.SyndicationChart.SERVICES;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.syndication.deploy.SyndicationChart.Example;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every service's pods, in every example install: hardened, bounded, probed, drained. */
class WorkloadTest {

    private static final int MANAGEMENT_PORT = 9000;
    /** A service drains for up to 35 s after SIGTERM (5 s delay, 30 s for requests under way). */
    private static final long DRAIN_SECONDS = 35;

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyServiceHasOneDeployment(Example example) {
        assertEquals(SERVICES.stream().map(SyndicationChart::fullname).sorted().toList(),
                SyndicationChart.rendered(example).all(Deployment.class).stream()
                        .map(deployment -> deployment.getMetadata().getName()).sorted().toList());
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyContainerRunsUnprivilegedOnAReadOnlyRoot(Example example) {
        forEveryContainer(example, entry -> {
            PodSpec pod = entry.pod();
            Container container = entry.container();
            String who = entry.service() + "/" + container.getName();
            PodSecurityContext podContext = pod.getSecurityContext();
            SecurityContext context = container.getSecurityContext();
            assertNotNull(context, who + " has a securityContext");
            assertEquals(Boolean.TRUE, context.getRunAsNonRoot(), who + " runAsNonRoot");
            assertTrue(context.getRunAsUser() != null && context.getRunAsUser() > 0, who + " runs as an explicit non-root uid");
            assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem(), who + " readOnlyRootFilesystem");
            assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation(), who + " allowPrivilegeEscalation");
            assertNotEquals(Boolean.TRUE, context.getPrivileged(), who + " privileged");
            assertEquals(List.of("ALL"), context.getCapabilities().getDrop(), who + " drops every capability");
            assertTrue(context.getCapabilities().getAdd() == null || context.getCapabilities().getAdd().isEmpty(),
                    who + " adds no capability");
            assertEquals("RuntimeDefault", context.getSeccompProfile().getType(), who + " seccomp");
            assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot(), who + " pod runAsNonRoot");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), who + " mounts no API token");
            assertNotEquals(Boolean.TRUE, pod.getHostNetwork(), who + " hostNetwork");
            assertTrue(container.getPorts().stream().allMatch(port -> port.getHostPort() == null), who + " hostPort");
            // the read-only root leaves /tmp writable, where Quarkus and Vert.x write
            assertTrue(container.getVolumeMounts().stream().anyMatch(mount -> mount.getMountPath().equals("/tmp")
                    && pod.getVolumes().stream().anyMatch(volume -> volume.getName().equals(mount.getName())
                            && volume.getEmptyDir() != null)), who + " has an emptyDir at /tmp");
        });
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyContainerHasCpuAndMemoryRequestsAndLimits(Example example) {
        forEveryContainer(example, entry -> {
            String who = entry.service() + "/" + entry.container().getName();
            Map<String, Quantity> requests = entry.container().getResources().getRequests();
            Map<String, Quantity> limits = entry.container().getResources().getLimits();
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(requests.get(resource), who + " requests " + resource);
                assertNotNull(limits.get(resource), who + " limits " + resource);
                assertTrue(limits.get(resource).getNumericalAmount().compareTo(requests.get(resource).getNumericalAmount()) >= 0,
                        who + " limits " + resource + " at least at its request");
            }
            // the RSS measured under load reaches 400 MB: the limit leaves room above it
            assertTrue(Quantity.getAmountInBytes(limits.get("memory")).longValue() >= 600L * 1024 * 1024,
                    who + " memory limit above the measured RSS with headroom");
        });
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyContainerIsProbedOnItsManagementPort(Example example) {
        forEveryContainer(example, entry -> {
            Container container = entry.container();
            String who = entry.service() + "/" + container.getName();
            Map<String, Probe> probes = Map.of(
                    "/q/health/started", Objects.requireNonNull(container.getStartupProbe(), who + " startupProbe"),
                    "/q/health/live", Objects.requireNonNull(container.getLivenessProbe(), who + " livenessProbe"),
                    "/q/health/ready", Objects.requireNonNull(container.getReadinessProbe(), who + " readinessProbe"));
            probes.forEach((path, probe) -> {
                HTTPGetAction get = probe.getHttpGet();
                assertEquals(path, get.getPath(), who);
                assertEquals(MANAGEMENT_PORT, portNumber(container, get.getPort().getIntVal(), get.getPort().getStrVal()),
                        who + " probes " + path + " on the management port");
            });
        });
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyPodOutlastsItsDrain(Example example) {
        forEveryContainer(example, entry -> assertTrue(
                entry.pod().getTerminationGracePeriodSeconds() > DRAIN_SECONDS,
                entry.service() + " is killed only after it has drained"));
    }

    /** A probe's port, by number or by the container port's name. */
    private static int portNumber(Container container, Integer number, String name) {
        if (number != null) {
            return number;
        }
        return container.getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + name));
    }

    private static void assertNotEquals(Boolean unexpected, Boolean actual, String message) {
        assertFalse(Objects.equals(unexpected, actual), message);
    }

    record ContainerOfService(String service, PodSpec pod, Container container) {
    }

    /** Checks every container, reporting every failure at once rather than the first. */
    static void forEveryContainer(Example example, Consumer<ContainerOfService> check) {
        assertAll(containers(example).map(entry -> (Executable) () -> check.accept(entry)));
    }

    /** Every container and init container of every Deployment the example renders. */
    static Stream<ContainerOfService> containers(Example example) {
        List<Deployment> deployments = SyndicationChart.rendered(example).all(Deployment.class);
        assertFalse(deployments.isEmpty());
        return deployments.stream().flatMap(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String service = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            return Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                    .map(container -> new ContainerOfService(service, pod, container));
        });
    }
}
