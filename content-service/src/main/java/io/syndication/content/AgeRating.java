package io.syndication.content;

/** Who may watch: channels in some territories schedule by it. */
public enum AgeRating {
    ALL_AGES, PG, TEEN_13, MATURE_16, ADULT_18
}
