package io.syndication.gateway.asyncapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.syndication.gateway.EchoUpstreamResource;

/** GET /asyncapi without a token: the platform's events, in YAML or JSON, as Quarkus serves /q/openapi. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(EchoUpstreamResource.class)
class PlatformAsyncApiTest {

    @Test
    void theEventsAreServedInYamlByDefault() throws IOException {
        Response answer = given().when().get("/asyncapi").then().statusCode(200)
                .contentType(PlatformAsyncApi.YAML_TYPE)
                .header("Vary", "Accept")
                .header("Cache-Control", "public, max-age=3600")
                .extract().response();
        JsonNode document = new YAMLMapper().readTree(answer.asString());
        assertThat(document.path("asyncapi").asText(), equalTo("3.0.0"));
        assertThat(document.path("channels").has("content"), equalTo(true));
        // as committed, comments and all
        assertThat(answer.asString(), startsWith("# The platform's events"));
    }

    @Test
    void jsonIsServedForFormatJsonOrAnAcceptAskingForIt() throws IOException {
        String byParameter = given().queryParam("format", "json").when().get("/asyncapi").then().statusCode(200)
                .contentType(PlatformAsyncApi.JSON_TYPE)
                .body("asyncapi", equalTo("3.0.0"))
                .body("channels.schedule.messages", hasKey("scheduleHealed"))
                .body("channels.webhook.address", equalTo(null))
                .extract().asString();
        String byAccept = given().accept("application/json").when().get("/asyncapi").then().statusCode(200)
                .contentType(PlatformAsyncApi.JSON_TYPE).extract().asString();
        assertThat(byAccept, equalTo(byParameter));
        // the same document in either form
        ObjectMapper json = new ObjectMapper();
        String yaml = given().when().get("/asyncapi").then().extract().asString();
        assertThat(json.readTree(byParameter), equalTo(new YAMLMapper().readTree(yaml)));
        // the parameter decides over the Accept header, as on /q/openapi
        given().queryParam("format", "yaml").accept("application/json").when().get("/asyncapi")
                .then().statusCode(200).contentType(PlatformAsyncApi.YAML_TYPE);
    }

    @Test
    void aClientThatHasTheDocumentIsToldItIsUnchanged() {
        String yamlTag = given().when().get("/asyncapi").then().statusCode(200).extract().header("ETag");
        String jsonTag = given().queryParam("format", "json").when().get("/asyncapi").then().statusCode(200).extract().header("ETag");
        assertThat(yamlTag, startsWith("\""));
        assertThat(jsonTag, not(equalTo(yamlTag)));
        given().header("If-None-Match", yamlTag).when().get("/asyncapi")
                .then().statusCode(304).header("ETag", yamlTag).body(emptyString());
        given().header("If-None-Match", "\"older\", W/" + jsonTag).queryParam("format", "json").when().get("/asyncapi")
                .then().statusCode(304);
        // the other form's tag is not this one's
        given().header("If-None-Match", jsonTag).when().get("/asyncapi").then().statusCode(200);
    }
}
