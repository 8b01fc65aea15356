package io.syndication.content;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.TestSql;
import io.syndication.testing.Tokens;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
class ContentResourceTest {

    static final UUID CRICKET = UUID.fromString("6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002");
    static final UUID KPOP = UUID.fromString("6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0003");
    static final String CRICKET_FINAL = "0b0e6a52-0000-4000-8000-000000000001";
    static final String KPOP_EPISODE = "0b0e6a52-0000-4000-8000-000000000003";

    @BeforeEach
    void catalogue() {
        TestSql.run("DELETE FROM content_event", "DELETE FROM content_item", """
                    INSERT INTO content_item (id, partner_id, external_id, kind, title, status, language, duration_seconds,
                        start_at, end_at, media_url, available_from, territories) VALUES
                    ('%1$s', '%3$s', 'acc-2026-final', 'LIVE_EVENT', 'Asia Cup Final', 'APPROVED', 'en', NULL,
                        '2026-12-14T09:30:00Z', '2026-12-14T17:30:00Z', 'https://cdn.example/final.m3u8', '2026-12-01T00:00:00Z', '{IN}'),
                    ('0b0e6a52-0000-4000-8000-000000000002', '%3$s', 'acc-highlights-1', 'CLIP', 'Final: highlights', 'DRAFT', 'en', 300,
                        NULL, NULL, 'https://cdn.example/highlights.mp4', '2026-12-01T00:00:00Z', '{IN}'),
                    ('%2$s', '%4$s', 'kpw-ep-101', 'PROGRAMME', 'K-Pop Weekly #101', 'APPROVED', 'ko', 3600,
                        NULL, NULL, 'https://cdn.example/kpw101.m3u8', '2026-12-01T00:00:00Z', '{KR}')
                    """.formatted(CRICKET_FINAL, KPOP_EPISODE, CRICKET, KPOP));
    }

    @Test
    void aPartnerSeesOnlyItsOwnItems() {
        given().auth().oauth2(Tokens.partner(CRICKET))
                .when().get("/api/v1/content")
                .then().statusCode(200)
                .body("items.externalId", containsInAnyOrder("acc-2026-final", "acc-highlights-1"))
                .body("items.partnerId", everyItem(equalTo(CRICKET.toString())));
    }

    @Test
    void anotherPartnersItemIs404NotItsData() {
        given().auth().oauth2(Tokens.partner(CRICKET))
                .when().get("/api/v1/content/" + KPOP_EPISODE)
                .then().spec(problem(404))
                .body("title", equalTo("Not Found"));
        given().auth().oauth2(Tokens.partner(KPOP))
                .when().get("/api/v1/content/" + KPOP_EPISODE)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("title", equalTo("K-Pop Weekly #101"));
    }

    @Test
    void anOperatorSeesOnlyApprovedItems() {
        given().auth().oauth2(Tokens.operator())
                .when().get("/api/v1/content")
                .then().statusCode(200)
                .body("items.status", everyItem(equalTo("APPROVED")))
                .body("items.title", containsInAnyOrder("Asia Cup Final", "K-Pop Weekly #101"));
    }

    @Test
    void anAdminPagesThroughEverything() {
        String next = given().auth().oauth2(Tokens.admin())
                .queryParam("limit", 2)
                .when().get("/api/v1/content")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .extract().path("next");
        given().auth().oauth2(Tokens.admin())
                .queryParam("limit", 2).queryParam("next", next)
                .when().get("/api/v1/content")
                .then().statusCode(200)
                .body("items.id", contains(KPOP_EPISODE))
                .body("next", nullValue());
    }

    @Test
    void aPartnerTokenWithoutPartnerIdIsRefused() {
        String token = io.smallrye.jwt.build.Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .subject("partner-without-id")
                .claim("realm_access", java.util.Map.of("roles", java.util.List.of("partner")))
                .sign();
        given().auth().oauth2(token)
                .when().get("/api/v1/content")
                .then().spec(problem(403));
    }

    @Test
    void noTokenIs401() {
        given().when().get("/api/v1/content")
                .then().spec(problem(401));
    }
}
