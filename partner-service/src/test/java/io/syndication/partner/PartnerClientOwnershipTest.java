package io.syndication.partner;

import static io.restassured.RestAssured.given;
import static io.syndication.partner.PartnerApi.act;
import static io.syndication.partner.PartnerApi.application;
import static io.syndication.partner.PartnerApi.apply;
import static io.syndication.partner.PartnerApi.approved;
import static io.syndication.partner.PartnerApi.events;
import static io.syndication.partner.PartnerApi.read;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Race;
import io.syndication.testing.Tokens;

/** A partner's credentials are only ever its own client, and the identity provider never drifts from the records. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PartnerClientOwnershipTest {

    @Inject
    InMemoryPartnerCredentials identityProvider;

    @Test
    void aSlugThatNamesThePlatformsOwnClientIsRefusedAtApplication() {
        apply(application("service"))
                .then().spec(problem(409))
                .body("type", containsString("client-id-taken"))
                .body("detail", containsString("'service'"));
        assertThat(identityProvider.client(InMemoryPartnerCredentials.PLATFORM_CLIENT).secret(),
                equalTo("partner-service-secret"));
    }

    @Test
    void approvalNeverTakesOverAClientMadeForSomeoneElse() {
        String slug = "squatted-" + UUID.randomUUID().toString().substring(0, 8);
        String id = apply(application(slug)).then().statusCode(201).extract().path("id");
        // created at the identity provider after the application, not for this partner
        InMemoryPartnerCredentials.Client foreign = new InMemoryPartnerCredentials.Client(UUID.randomUUID(), "theirs", true);
        identityProvider.plant("partner-" + slug, foreign);

        var refused = act(id, "approve", null);
        assertThat(refused.statusCode(), equalTo(409));
        assertThat(refused.<String>path("type"), containsString("client-id-taken"));
        assertThat(identityProvider.client("partner-" + slug), equalTo(foreign));
        read(Tokens.admin(), id)
                .then().body("status", equalTo("APPLIED"));
    }

    @Test
    void racingLifecycleChangesLeaveTheClientAgreeingWithTheRecord() throws Exception {
        String id = approved("racing");
        String clientId = read(Tokens.admin(), id)
                .then().extract().path("clientId");
        List<Integer> statuses = Race.of(40, racer -> {
            String action = switch (racer % 3) {
                case 0 -> "suspend";
                case 1 -> "reinstate";
                default -> "credentials/rotate";
            };
            return act(id, action, "racing " + action).statusCode();
        });
        // 409: illegal from the status it found, or another change of the partner was under way
        assertThat(statuses, everyItem(is(in(List.of(200, 409)))));
        assertThat(statuses, hasItem(200));
        String status = read(Tokens.admin(), id)
                .then().extract().path("status");
        assertThat(status + " partner's client enabled", identityProvider.client(clientId).enabled(),
                equalTo(status.equals("ACTIVE")));
    }

    @Test
    void reconciliationRepairsAClientThatDriftedAndSaysSo() {
        String suspended = approved("drifted");
        act(suspended, "suspend", "Late deliveries");
        String clientId = "partner-" + read(Tokens.admin(), suspended)
                .then().extract().<String>path("slug");
        InMemoryPartnerCredentials.Client client = identityProvider.client(clientId);
        // someone re-enabled it at the identity provider by hand
        identityProvider.plant(clientId, new InMemoryPartnerCredentials.Client(client.partnerId(), client.secret(), true));

        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/partners/reconciliation")
                .then().statusCode(200)
                .body("findings.find { it.partnerId == '" + suspended + "' }.outcome", equalTo("DISABLED"));
        assertThat(identityProvider.client(clientId).enabled(), equalTo(false));
        events(Tokens.admin(), suspended)
                .then().body("items[0].action", equalTo("CREDENTIALS_RECONCILED"))
                .body("items[0].reason", containsString("SUSPENDED"));
        // nothing left to repair for it
        given().auth().oauth2(Tokens.admin()).when().post("/api/v1/partners/reconciliation")
                .then().statusCode(200)
                .body("findings.findAll { it.partnerId == '" + suspended + "' }.size()", equalTo(0));
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/partners/reconciliation")
                .then().statusCode(403);
    }
}
