package io.syndication.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The chart in deploy/helm/syndication, linted and rendered by real Helm (helm-java), no cluster. */
final class SyndicationChart {

    static final Path DIR = Path.of(System.getProperty("chart.dir", "helm/syndication"));
    static final String RELEASE = "syndication";
    static final String NAMESPACE = "syndication";
    /** The oldest Kubernetes the chart supports (Chart.yaml's kubeVersion); helm template assumes 1.20. */
    static final String KUBERNETES_VERSION = "1.26.0";
    static final List<String> SERVICES = List.of("partner-service", "content-service", "schedule-service", "gateway");

    /** The example values files in ci/, each a whole install; the tests render every one. */
    enum Example {
        PRODUCTION("production-values.yaml"),
        MINIMAL("minimal-values.yaml");

        final Path file;

        Example(String file) {
            this.file = DIR.resolve("ci").resolve(file);
        }
    }

    private static final StrictManifests MANIFESTS = new StrictManifests();
    private static final Map<Example, RenderedRelease> RENDERED = new ConcurrentHashMap<>();

    private SyndicationChart() {
    }

    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    /** The example, rendered once and parsed strictly (a refusal fails whichever test asks first). */
    static RenderedRelease rendered(Example example) {
        return RENDERED.computeIfAbsent(example, e -> render(e.file, Map.of()));
    }

    /** A values file with --set overrides on top, rendered and parsed strictly. */
    static RenderedRelease render(Path valuesFile, Map<String, String> overrides) {
        return new RenderedRelease(MANIFESTS.parse(template(valuesFile, overrides)));
    }

    /** helm template: the manifests as Helm writes them, or an exception with Helm's error. */
    static String template(Path valuesFile, Map<String, String> overrides) {
        TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBERNETES_VERSION);
        if (valuesFile != null) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            template = template.set(override.getKey(), override.getValue());
        }
        return template.call();
    }

    /** The Kubernetes name of a service's objects in the test release. */
    static String fullname(String service) {
        return RELEASE + "-" + service;
    }
}
