package io.syndication.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.syndication.gateway.openapi.PlatformContract;

/**
 * The platform's API contract committed in the gateway is what the services' documents, as their
 * builds just wrote them, make: this module builds after every service, so an API change not carried
 * into the contract fails here rather than reach partners as a document that lies. No platform needed.
 */
class CommittedContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How deep a difference is named: an operation ({@code paths /api/v1/content post}), a schema, a header. */
    private static final int NAMED_DEPTH = 3;

    @Test
    void theCommittedContractIsWhatTheServicesCurrentDocumentsMake() throws IOException {
        Path repository = Path.of(System.getProperty("e2e.repository"));
        Path committed = PlatformContract.committed(repository);
        List<String> differences = new ArrayList<>();
        differences(List.of(), JSON.readTree(committed.toFile()), PlatformContract.fromBuild(repository), differences);
        assertThat(committed.normalize() + " is stale: run scripts/update-openapi (and add a changelog entry for a new"
                + " version if this one was released); it differs at", differences, empty());
    }

    /** Where {@code committed} and {@code made} differ, each place named by its keys down to {@link #NAMED_DEPTH}. */
    private static void differences(List<String> at, JsonNode committed, JsonNode made, List<String> differences) {
        if (committed.equals(made)) {
            return;
        }
        if (!committed.isObject() || !made.isObject() || at.size() == NAMED_DEPTH) {
            differences.add(at.isEmpty() ? "the top" : String.join(" ", at));
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        committed.fieldNames().forEachRemaining(keys::add);
        made.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            List<String> below = new ArrayList<>(at);
            below.add(key);
            differences(below, committed.path(key), made.path(key), differences);
        }
    }
}
