package io.syndication.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.syndication.client.partner.ApiClient;
import io.syndication.client.partner.ApiException;
import io.syndication.client.partner.api.ApplicationsApi;
import io.syndication.client.partner.api.PartnersApi;
import io.syndication.client.partner.model.ApplicationReceipt;
import io.syndication.client.partner.model.ApprovalView;
import io.syndication.client.partner.model.PartnerApplication;
import io.syndication.client.partner.model.PartnerCategory;
import io.syndication.client.partner.model.PartnerStatus;
import io.syndication.client.partner.model.PartnerView;

/**
 * What a partner integrator does with a client generated from our published OpenAPI document
 * (openapi-generator, java): apply, get approved, get a token with the issued secret, read itself.
 */
@ExtendWith(Platform.class)
class GeneratedClientOnboardingTest {

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Platform.suite().gatewayUrl());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    @Test
    void aMusicShowOnboardsWithTheGeneratedClient() throws ApiException {
        ApplicationsApi applications = new ApplicationsApi(client(null));
        String agreement = applications.getAgreement().getVersion();
        PartnerApplication application = new PartnerApplication()
                .legalName("Seoul Beat Media Co")
                .displayName("Music Bank Live")
                .slug("music-bank-" + UUID.randomUUID().toString().substring(0, 8))
                .category(PartnerCategory.MUSIC)
                .territories(List.of("KR", "JP", "SG"))
                .languages(List.of("ko", "en"))
                .contactEmail("syndication@seoulbeat.example")
                .website("https://seoulbeat.example")
                .agreementVersion(agreement);
        ApplicationReceipt receipt = applications.applyAsPartner(application);
        assertThat(receipt.getStatus(), equalTo(PartnerStatus.APPLIED));

        ApprovalView approval = new PartnersApi(client(Platform.token("suite-admin"))).approvePartner(receipt.getId());
        String token = Platform.token(approval.getClientId(), approval.getClientSecret());

        PartnerView me = new PartnersApi(client(token)).getOwnPartner();
        assertThat(me.getId(), equalTo(receipt.getId()));
        assertThat(me.getStatus(), equalTo(PartnerStatus.ACTIVE));

        ApiException refused = assertThrows(ApiException.class, () -> applications.applyAsPartner(application));
        assertThat(refused.getCode(), equalTo(409));
    }
}
