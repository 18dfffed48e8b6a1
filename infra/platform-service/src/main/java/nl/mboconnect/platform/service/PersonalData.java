package nl.mboconnect.platform.service;

/**
 * One feature's part of what the platform holds about a member (AVG/GDPR): a service declares one
 * bean per feature that stores personal data, saying how to export it and how to erase it.
 * <ul>
 * <li><b>Export</b> (article 15 and 20): the platform serves every part together at
 * {@code GET /api/<service>/me/personal-data} for the member's own token
 * ({@link PersonalDataResource}); the gateway gathers the services' parts into one document.</li>
 * <li><b>Erasure</b> (article 17): when a member erases their account, membership-service
 * announces {@code member.erased} and the platform calls every part's {@link #erase} in each
 * service ({@code MemberErasure} in platform-events), retried until it succeeds, so it must be
 * safe to do again: remove what is only about the member, anonymise what others still need
 * (content they wrote stays, attributed to "voormalig lid").</li>
 * </ul>
 *
 * <pre>{@code
 * @Bean
 * PersonalData registrations(RegistrationStore store) {
 *     return PersonalData.part("registrations", store::ofMember, store::erase);
 * }
 * }</pre>
 */
public interface PersonalData {

    /** Who an erased member is, where what they did stays (a decision, a group they made, an attendee). */
    String FORMER_MEMBER_ID = "voormalig-lid";
    String FORMER_MEMBER_NAME = "Voormalig lid";

    /** The part's name in the export, e.g. {@code profile}: stable, lower case. */
    String part();

    /**
     * Everything this feature holds about the member, as plain records, lists and maps that
     * serialise to JSON; an empty list or null when it holds nothing.
     */
    Object export(String memberId);

    /**
     * Removes or anonymises what this feature holds about the member, so that nothing in it names
     * them any more; idempotent (done again after a failure half-way, it finishes the work).
     */
    void erase(String memberId);

    /** What to export for a member. */
    @FunctionalInterface
    interface Exporter {
        Object export(String memberId);
    }

    /** How to erase a member's data. */
    @FunctionalInterface
    interface Eraser {
        void erase(String memberId);
    }

    static PersonalData part(String name, Exporter exporter, Eraser eraser) {
        return new PersonalData() {
            @Override
            public String part() {
                return name;
            }

            @Override
            public Object export(String memberId) {
                return exporter.export(memberId);
            }

            @Override
            public void erase(String memberId) {
                eraser.erase(memberId);
            }
        };
    }
}
