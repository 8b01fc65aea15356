package io.syndication.content;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/** The packaged service (the jar here, the native executable where one was built) serves its API. */
@QuarkusIntegrationTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
class ContentServiceIT {

    @Test
    void thePackagedServiceServesItsCatalogueAndRefusesBadInput() {
        given().when().get("/api/v1/content").then().spec(problem(401));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content?limit=5").then().statusCode(200)
                .body("items", notNullValue());
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content?kind=NOT_A_KIND").then().spec(problem(400));
    }
}
