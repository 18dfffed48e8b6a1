package nl.mboconnect.membership.member;

/**
 * What a member wants to hear about: the association's four pillars, then the themes of lifelong
 * learning in vocational education.
 */
public enum Theme {
    VAKMANSCHAP, KENNIS_DELEN, REGIE_NEMEN, JE_STEM_GEBRUIKEN,
    VISIE_EN_STRATEGIE, OPHALEN_VAN_DE_VRAAG, SAMENWERKING, INRICHTING_VAN_HET_ONDERWIJS
}
