package nl.mboconnect.membership.member;

/**
 * The sectors of vocational education and the labour market a member works in, as the mbo's sector
 * chambers divide them.
 */
public enum Sector {
    AMBACHT_LABORATORIUM_GEZONDHEIDSTECHNIEK, HANDEL, ICT_CREATIEVE_INDUSTRIE, MOBILITEIT_TRANSPORT_LOGISTIEK_MARITIEM,
    SPECIALISTISCH_VAKMANSCHAP, TECHNIEK_GEBOUWDE_OMGEVING, VOEDSEL_GROEN_GASTVRIJHEID,
    ZAKELIJKE_DIENSTVERLENING_VEILIGHEID, ZORG_WELZIJN_SPORT
}
