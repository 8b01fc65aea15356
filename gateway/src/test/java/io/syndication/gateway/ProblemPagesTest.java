package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.syndication.http.ProblemType;

/** The page a problem's type names, for each type of the catalogue, without a token. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(EchoUpstreamResource.class)
class ProblemPagesTest {

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void eachTypeHasAPageSayingWhatItMeansAndWhetherToRetry(ProblemType kind) {
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8")
                .when().get("/problems/" + kind.slug())
                .then().statusCode(200)
                .contentType("text/html")
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString("<html lang=\"en\">"), containsString("<h1>Problem type <code>" + kind.slug() + "</code></h1>"),
                        containsString(kind.status() + " " + kind.title()),
                        containsString(kind.explanation().replace("'", "&#39;").replace("\"", "&quot;")),
                        containsString(kind.saysWhenToRetry() ? "seconds in the answer's <code>Retry-After</code> header"
                                : kind.status() >= 500 ? "gives no <code>Retry-After</code>" : "Not as it was"));
        given().accept("application/json")
                .when().get("/problems/" + kind.slug())
                .then().statusCode(200)
                .contentType("application/json")
                .body("type", equalTo(ProblemType.DEFAULT_TYPE_BASE + kind.slug()))
                .body("status", equalTo(kind.status()))
                .body("retryAfter", equalTo(kind.saysWhenToRetry()));
    }

    @Test
    void theIndexLinksEveryTypesPage() {
        String gateway = RestAssured.baseURI + ":" + RestAssured.port;
        given().when().get("/problems")
                .then().statusCode(200)
                .contentType("text/html")
                .body(containsString("<a href=\"" + gateway + "/problems/stale-version\"><code>stale-version</code></a>"),
                        containsString("<a href=\"" + gateway + "/problems/upstream-timeout\">"));
        given().accept("application/json").when().get("/problems")
                .then().statusCode(200)
                .body("", hasSize(ProblemType.values().length))
                .body("find { it.type.endsWith('/rate-limited') }.retryAfter", equalTo(true));
    }

    @Test
    void aTypeTheCatalogueLacksIsAProblem404() {
        given().when().get("/problems/teapot").then().spec(problem(404));
    }
}
