package nl.mboconnect.platform.service;

/**
 * One feature's part of what the platform holds about a member, for their export (AVG/GDPR
 * article 15 and 20): a service declares one bean per feature that stores personal data, and the
 * platform serves them together at {@code GET /api/<service>/me/personal-data} for the member's own
 * token ({@link PersonalDataResource}); the gateway gathers the services' parts into one document.
 *
 * <pre>{@code
 * @Bean
 * PersonalData registrations(RegistrationStore store) {
 *     return PersonalData.part("registrations", store::ofMember);
 * }
 * }</pre>
 */
public interface PersonalData {

    /** The part's name in the export, e.g. {@code profile}: stable, lower case. */
    String part();

    /**
     * Everything this feature holds about the member, as plain records, lists and maps that
     * serialise to JSON; an empty list or null when it holds nothing.
     */
    Object export(String memberId);

    /** What to export for a member. */
    @FunctionalInterface
    interface Exporter {
        Object export(String memberId);
    }

    static PersonalData part(String name, Exporter exporter) {
        return new PersonalData() {
            @Override
            public String part() {
                return name;
            }

            @Override
            public Object export(String memberId) {
                return exporter.export(memberId);
            }
        };
    }
}
