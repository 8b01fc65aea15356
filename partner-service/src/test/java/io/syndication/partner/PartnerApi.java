package io.syndication.partner;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.Tokens;

/** The API calls the partner-service tests repeat: applying, reading and changing a partner, and an admin acting on one. */
final class PartnerApi {

    private PartnerApi() {
    }

    static String application(String slug) {
        return """
                {"legalName": "Asian Cricket Council Ltd", "displayName": "ACC Cricket", "slug": "%s",
                 "category": "SPORTS", "territories": ["IN", "SG", "AU"], "languages": ["en", "hi-IN"],
                 "contactEmail": "partnerships@cricket-council.example", "website": "https://www.cricket-council.example",
                 "webhookUrl": "https://api.cricket-council.example/hooks/syndication", "agreementVersion": "2026-09"}
                """.formatted(slug);
    }

    /** An application, sent without a token as an applicant does. */
    static Response apply(String application) {
        return given().contentType(ContentType.JSON).body(application).when().post("/api/v1/applications");
    }

    /** A new partner in status APPLIED, with a unique slug that starts with {@code slugPrefix}; its id. */
    static String applied(String slugPrefix) {
        String slug = slugPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return apply(application(slug))
                .then().statusCode(201)
                .extract().path("id");
    }

    /** A new ACTIVE partner; its id. */
    static String approved(String slugPrefix) {
        String id = applied(slugPrefix);
        act(id, "approve", null);
        return id;
    }

    static Response read(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/partners/" + id);
    }

    static Response events(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/partners/" + id + "/events");
    }

    static Response patch(String token, String id, String changes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(changes).when().patch("/api/v1/partners/" + id);
    }

    static ExtractableResponse<Response> act(String id, String action, String reason) {
        var request = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
        if (reason != null) {
            request.body("{\"reason\": \"" + reason + "\"}");
        } else {
            request.body("{}");
        }
        return request.when().post("/api/v1/partners/" + id + "/" + action).then().extract();
    }
}
