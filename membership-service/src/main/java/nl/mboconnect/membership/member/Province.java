package nl.mboconnect.membership.member;

/** The region a member works in: one of the twelve provinces. */
public enum Province {
    GRONINGEN, FRIESLAND, DRENTHE, OVERIJSSEL, FLEVOLAND, GELDERLAND, UTRECHT, NOORD_HOLLAND, ZUID_HOLLAND,
    ZEELAND, NOORD_BRABANT, LIMBURG
}
