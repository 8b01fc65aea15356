package io.syndication.gateway.traffic;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.sameInstance;

import org.junit.jupiter.api.Test;

class RequestScreeningTest {

    @Test
    void spellingsOfOnePathHaveOneNormalForm() {
        for (String spelling : new String[] { "//api/v1/applications", "/api//v1/applications", "/api/v1/%61pplications",
                "/api/v1/%61%70plications", "/%61pi/v1/applications", "/api/v1/./applications", "/api/v1/x/../applications",
                "/api/v1/%2e/applications", "/api/v1/x/%2E%2E/applications", "/api/v2/../v1/applications" }) {
            assertThat(spelling, RequestScreening.normalForm(spelling), equalTo("/api/v1/applications"));
        }
    }

    @Test
    void aTrailingSlashAndOtherPercentEncodingsStay() {
        assertThat(RequestScreening.normalForm("/api/v1/applications/"), equalTo("/api/v1/applications/"));
        assertThat(RequestScreening.normalForm("/api/v1/x/./"), equalTo("/api/v1/x/"));
        assertThat(RequestScreening.normalForm("/api/v1/x/.."), equalTo("/api/v1/"));
        assertThat(RequestScreening.normalForm("/q/swagger-ui/"), equalTo("/q/swagger-ui/"));
        assertThat(RequestScreening.normalForm("/"), equalTo("/"));
        // a slash, a percent sign, a space and malformed escapes are not unreserved: still encoded
        assertThat(RequestScreening.normalForm("/api/v1/content/a%2Fb%25c%20d%zz%4"),
                equalTo("/api/v1/content/a%2Fb%25c%20d%zz%4"));
        assertThat(RequestScreening.normalForm("/%2e%2e/a"), equalTo("/a"));
        assertThat(RequestScreening.normalForm("/..%2e/a"), equalTo("/.../a"));
    }

    @Test
    void aNormalPathIsNotCopied() {
        String path = "/api/v1/channels/7d444840-9dc0-11d1-b245-5ffdce74fad2/slots";
        assertThat(RequestScreening.normalForm(path), sameInstance(path));
        String dotted = "/.well-known/openid-configuration";
        assertThat(RequestScreening.normalForm(dotted), equalTo(dotted));
    }
}
