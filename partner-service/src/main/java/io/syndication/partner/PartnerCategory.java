package io.syndication.partner;

/** What a partner mainly supplies; channels are built per category. */
public enum PartnerCategory {
    NEWS, SPORTS, MUSIC, ESPORTS, ENTERTAINMENT, LIFESTYLE
}
