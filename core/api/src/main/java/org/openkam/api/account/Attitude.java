package org.openkam.api.account;

/** How a contact stands towards us, from the strongest backing to open opposition. */
public enum Attitude {
    ADVOCATE, SUPPORTER, NEUTRAL, SKEPTIC, HOSTILE
}
