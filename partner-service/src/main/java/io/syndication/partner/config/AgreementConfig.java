package io.syndication.partner.config;

import io.smallrye.config.ConfigMapping;

/** The partner agreement an applicant must accept: only the current version is accepted. */
@ConfigMapping(prefix = "partner.agreement")
public interface AgreementConfig {

    String version();

    String title();

    String text();
}
