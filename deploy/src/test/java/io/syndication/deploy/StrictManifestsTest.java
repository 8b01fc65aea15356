package io.syndication.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.syndication.deploy.StrictManifests.RefusedManifest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser every rendered object goes through refuses what the API server would not take as meant. */
class StrictManifestsTest {

    private static final String WELL_FORMED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  automountServiceAccountToken: false
                  containers:
                    - name: web
                      image: registry.example/web:1
                      ports:
                        - name: management
                          containerPort: 9000
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: management
                      securityContext:
                        capabilities:
                          drop: [ALL]
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              endpoints:
                - port: management
                  path: /q/metrics
            """;

    private final StrictManifests manifests = new StrictManifests();

    @Test
    void acceptsWellFormedManifests() {
        // the baseline: each refusal below differs from this by one mistake
        var resources = manifests.parse(WELL_FORMED);
        assertEquals(List.of(Deployment.class, ServiceMonitor.class),
                resources.stream().map(Object::getClass).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a misspelt container field    | readinessProbe:               | readinesProbe:                | readinesProbe
            a misspelt pod field          | automountServiceAccountToken: | automountServiceAcountToken:  | automountServiceAcountToken
            a misspelt nested field       | 'drop: [ALL]'                 | 'dorp: [ALL]'                 | dorp
            a misspelt ServiceMonitor one | 'path: /q/metrics'            | 'paht: /q/metrics'            | paht
            a text for a number           | 'containerPort: 9000'         | 'containerPort: "9000"'       | containerPort
            a word for a number           | 'replicas: 2'                 | 'replicas: two'               | replicas
            an unknown kind               | 'kind: Deployment'            | 'kind: Deploymnt'             | no kind Deploymnt
            an unknown API version        | 'apiVersion: apps/v1'         | 'apiVersion: apps/v2'         | no kind Deployment in apps/v2
            a duplicate key               | '  replicas: 2'               | '  replicas: 2\\n  replicas: 3' | replicas
            """)
    void refuses(String mistake, String correct, String wrong, String namedInTheRefusal) {
        String manifest = WELL_FORMED.replace(correct, wrong.replace("\\n", "\n"));
        assertTrue(!manifest.equals(WELL_FORMED), "the mistake is in the manifest");
        RefusedManifest refusal = assertThrows(RefusedManifest.class, () -> manifests.parse(manifest));
        assertTrue(refusal.getMessage().contains(namedInTheRefusal), refusal.getMessage());
    }
}
