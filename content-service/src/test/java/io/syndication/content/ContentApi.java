package io.syndication.content;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.syndication.testing.Tokens;

/**
 * The API calls the content-service tests repeat: a partner sending and submitting items with its
 * {@code token}, and a platform admin moderating, who reads an item as it is now and then gives the
 * verdict on that version.
 */
final class ContentApi {

    private ContentApi() {
    }

    static Response create(String token, Object item) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(item).when().post("/api/v1/content");
    }

    /** A new DRAFT item; its id. */
    static String created(String token, Object item) {
        return create(token, item).then().statusCode(201).extract().path("id");
    }

    static Response put(String token, String externalId, Object item) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(item)
                .when().put("/api/v1/content/external/" + externalId);
    }

    static Response patch(String token, String id, Object changes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(changes).when().patch("/api/v1/content/" + id);
    }

    /** {@code body} is the whole batch, {@code {"items": [...]}}. */
    static Response batch(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/content/batch");
    }

    /** {@code submit}, {@code retire}, or any other action on the item, with {@code body}. */
    static Response act(String token, String id, String action, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/content/" + id + "/" + action);
    }

    /** A new item, submitted for moderation; its id. */
    static String submitted(String token, Object item) {
        String id = created(token, item);
        act(token, id, "submit", "{}").then().statusCode(200);
        return id;
    }

    /** A new item, submitted and approved; its id. */
    static String approved(String token, Object item) {
        String id = submitted(token, item);
        approve(id).then().statusCode(200);
        return id;
    }

    /** Whether the item may air in {@code territory} at {@code at}, and every reason why not. */
    static Response availability(String token, String id, String at, String territory) {
        return given().auth().oauth2(token).queryParam("at", at).queryParam("territory", territory)
                .when().get("/api/v1/content/" + id + "/availability");
    }

    /** The availability of the items {@code ids} (a JSON array) in {@code territory} at {@code at}, in one call. */
    static Response availabilities(String token, String ids, String at, String territory) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"ids\": %s, \"at\": \"%s\", \"territory\": \"%s\"}".formatted(ids, at, territory))
                .when().post("/api/v1/content/availability");
    }

    static String statusOf(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/content/" + id).then().extract().path("status");
    }

    /** Approves the item as it is now: the version read is the one approved. */
    static Response approve(String id) {
        return verdict(id, "approve", reviewed(id), "{}");
    }

    /** The ETag of the item as an admin reads it now. */
    static String reviewed(String id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content/" + id).then().extract().header("ETag");
    }

    /** {@code approve} or {@code reject} (the reason in {@code body}) of the version {@code etag} names, if any. */
    static Response verdict(String id, String action, String etag, String body) {
        var request = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().post("/api/v1/content/" + id + "/" + action);
    }
}
