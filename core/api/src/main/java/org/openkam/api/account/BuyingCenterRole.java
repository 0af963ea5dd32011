package org.openkam.api.account;

/** The part a contact plays in the customer's buying decisions; a contact may play several. */
public enum BuyingCenterRole {
    /** Releases the budget and signs off the purchase. */
    ECONOMIC_BUYER,
    /** Makes the final choice among the suppliers. */
    DECISION_MAKER,
    /** Judges the technical fit and can veto a supplier. */
    TECHNICAL_BUYER,
    /** Works with what is bought every day. */
    USER,
    /** Shapes the opinion of those who decide. */
    INFLUENCER,
    /** Controls the access to the others and the flow of information. */
    GATEKEEPER,
    /** Coach or champion: wants us to win and guides us through the account. */
    COACH
}
