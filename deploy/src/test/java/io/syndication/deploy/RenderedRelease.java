package io.syndication.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.NoSuchElementException;

/** What one helm template wrote, as Kubernetes API objects. */
record RenderedRelease(List<HasMetadata> resources) {

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind.getSimpleName() + " " + name));
    }

    Deployment deployment(String service) {
        return named(Deployment.class, SyndicationChart.fullname(service));
    }

    /** A service's one container. */
    Container container(String service) {
        List<Container> containers = deployment(service).getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new IllegalStateException(service + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }
}
