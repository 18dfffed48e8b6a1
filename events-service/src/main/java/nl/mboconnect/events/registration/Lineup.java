package nl.mboconnect.events.registration;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registrations of one event as stored, read only as far as an operation needs them: a
 * member's own, the waitlist from its head, the offers that lapsed. An event with ten thousand
 * registrations is never read whole to register one more.
 */
interface Lineup {

    Optional<Registration> of(String memberId);

    /** The waitlist in arrival order, read as far as the caller goes. */
    Iterable<Registration> waitlist();

    /** Offers open at {@code now} whose time is up. */
    List<Registration> offersLapsedBy(Instant now);

    /** How many wait who arrived before {@code arrival}. */
    int waitingAhead(long arrival);

    /** When the first open offer lapses, leaving out the members named. */
    Optional<Instant> firstOfferExpiryExcept(Set<String> memberIds);

    /** A lineup of these registrations alone (what a test sets up, or a roster read whole). */
    static Lineup of(List<Registration> registrations) {
        List<Registration> all = List.copyOf(registrations);
        return new Lineup() {

            @Override
            public Optional<Registration> of(String memberId) {
                return all.stream().filter(registration -> registration.memberId().equals(memberId)).findFirst();
            }

            @Override
            public Iterable<Registration> waitlist() {
                return all.stream().filter(registration -> registration.status() == Registration.Status.WAITLISTED)
                        .sorted(Comparator.comparingLong(Registration::arrival)).toList();
            }

            @Override
            public List<Registration> offersLapsedBy(Instant now) {
                return all.stream().filter(registration -> registration.status() == Registration.Status.OFFERED
                        && !now.isBefore(registration.offerExpiresAt())).toList();
            }

            @Override
            public int waitingAhead(long arrival) {
                return (int) all.stream().filter(registration -> registration.status() == Registration.Status.WAITLISTED
                        && registration.arrival() < arrival).count();
            }

            @Override
            public Optional<Instant> firstOfferExpiryExcept(Set<String> memberIds) {
                return all.stream().filter(registration -> registration.status() == Registration.Status.OFFERED
                        && !memberIds.contains(registration.memberId())).map(Registration::offerExpiresAt)
                        .min(Comparator.naturalOrder());
            }
        };
    }
}
