package io.syndication.content;

/** The controlled list of what an item is about; channels pick filler and programmes by it. */
public enum ContentCategory {
    NEWS, BUSINESS, WEATHER, SPORTS, CRICKET, FOOTBALL, MUSIC, KPOP, ESPORTS, GAMING, ENTERTAINMENT, LIFESTYLE,
    TRAVEL, FOOD, DOCUMENTARY, KIDS, TALK
}
