package io.syndication.content;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.Tokens;

/** A platform admin moderating: reads an item as it is now, then gives the verdict on that version. */
final class Moderator {

    private Moderator() {
    }

    /** Approves the item as it is now: the version read is the one approved. */
    static ExtractableResponse<Response> approve(String id) {
        return verdict(id, "approve", reviewed(id), "{}");
    }

    /** The ETag of the item as an admin reads it now. */
    static String reviewed(String id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content/" + id).then().extract().header("ETag");
    }

    /** {@code approve} or {@code reject} (the reason in {@code body}) of the version {@code etag} names, if any. */
    static ExtractableResponse<Response> verdict(String id, String action, String etag, String body) {
        var request = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().post("/api/v1/content/" + id + "/" + action).then().extract();
    }
}
