package io.syndication.partner.rest;

/** The current partner agreement, public so that applicants can read what they accept. */
public record AgreementView(String version, String title, String text) {
}
