package io.syndication.gateway.observability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.sameInstance;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    private static final String ID = "7d444840-9dc0-11d1-b245-5ffdce74fad2";

    @Test
    void foldsEveryIdOfAPath() {
        assertThat(RouteTemplates.of("/api/v1/channels/" + ID), equalTo("/api/v1/channels/{id}"));
        assertThat(RouteTemplates.of("/api/v1/channels/" + ID + "/slots/" + ID.toUpperCase()),
                equalTo("/api/v1/channels/{id}/slots/{id}"));
        assertThat(RouteTemplates.of("/api/v1/partners/" + ID + "/suspend"), equalTo("/api/v1/partners/{id}/suspend"));
        assertThat(RouteTemplates.of("/api/v1/content/external/match-2026-final"),
                equalTo("/api/v1/content/external/{externalId}"));
        assertThat(RouteTemplates.of("/api/v1/channels/" + ID + "/"), equalTo("/api/v1/channels/{id}/"));
    }

    @Test
    void leavesAPathWithoutIdsAsItIs() {
        String path = "/api/v1/channels";
        assertThat(RouteTemplates.of(path), sameInstance(path));
        // not quite an id: a character too many, a dash misplaced, a letter beyond f
        assertThat(RouteTemplates.of("/api/v1/channels/" + ID + "0"), equalTo("/api/v1/channels/" + ID + "0"));
        assertThat(RouteTemplates.of("/api/v1/channels/7d4448409-dc0-11d1-b245-5ffdce74fad2"),
                equalTo("/api/v1/channels/7d4448409-dc0-11d1-b245-5ffdce74fad2"));
        assertThat(RouteTemplates.of("/api/v1/channels/7d444840-9dc0-11d1-b245-5ffdce74fadg"),
                equalTo("/api/v1/channels/7d444840-9dc0-11d1-b245-5ffdce74fadg"));
    }
}
