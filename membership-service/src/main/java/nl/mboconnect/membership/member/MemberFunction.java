package nl.mboconnect.membership.member;

/** What a member does in vocational education; the site names each in Dutch ("docent", …). */
public enum MemberFunction {
    DOCENT, INSTRUCTEUR, PRAKTIJKOPLEIDER, ONDERWIJSONDERSTEUNER, TEAMLEIDER, BESTUURDER, ANDERS
}
