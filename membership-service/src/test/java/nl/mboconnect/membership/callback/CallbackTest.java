package nl.mboconnect.membership.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.mboconnect.platform.domain.Refusal;

/** The rules of a callback request, without Spring: the phone number, the fields, claim, note, close, expiry. */
class CallbackTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Callback.Handler PIETER = new Callback.Handler("pieter-id", "Pieter Jansen");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "06 12345678       | +31612345678 | 06 12345678",
            "06-12345678       | +31612345678 | 06 12345678",
            "+31 6 1234 5678   | +31612345678 | 06 12345678",
            "0031612345678     | +31612345678 | 06 12345678",
            "030 123 4567      | +31301234567 | 030 123 4567",
            "+44 20 7946 0018  | +442079460018 | +44 20 7946 0018",
            "+49 30 1234567    | +49301234567 | +49 30 1234567",
            // the demo's
            "06 38 21 47 90    | +31638214790 | 06 38214790",
            "0592 71 43 06     | +31592714306 | 0592 714 306" })
    void dutchAndInternationalNumbersAreTakenAndWrittenAsOneReadsThem(String typed, String e164, String display) {
        assertThat(PhoneNumber.parse(typed)).contains(new PhoneNumber(e164, display));
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345", "06 1234", "bel me maar", "+31 6 1234 5678 9", "0000000000", "+999 123456789",
            "06 12345678 06 12345678 06 12345678 06 12345678" })
    void whatIsNoPhoneNumberIsNotTaken(String typed) {
        assertThat(PhoneNumber.parse(typed)).isEmpty();
    }

    @Test
    void aRequestNamesEveryFieldAtFault() {
        assertThatThrownBy(() -> Callback.request("1", " ", "geen nummer", "'s nachts", "x".repeat(501), null, NOW))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.violations())
                        .extracting(v -> v.field() + ":" + v.code())
                        .containsExactly("name:required", "phone:invalid-phone", "moment:unknown-value", "topic:too-long"));
        assertThatThrownBy(() -> Callback.request("1", "Ilse", null, null, null, null, NOW))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.violations())
                        .extracting(v -> v.field() + ":" + v.code())
                        .containsExactly("phone:required", "moment:required", "topic:required"));
    }

    @Test
    void aBeheerderClaimsNotesAndClosesAndAfterNinetyDaysItHasExpired() {
        Callback asked = Callback.request("1", " Ilse Mulder ", "06 12345678", "middag", "Over de regiobijeenkomst", null, NOW);
        assertThat(asked.request().name()).isEqualTo("Ilse Mulder");
        assertThat(asked.request().moment()).isEqualTo(Callback.Moment.MIDDAG);
        assertThat(asked.status()).isEqualTo(Callback.Status.OPEN);

        Callback claimed = asked.claimedBy(PIETER);
        assertThat(claimed.status()).isEqualTo(Callback.Status.CLAIMED);
        assertThat(claimed.claimedBy(PIETER)).isSameAs(claimed);
        Callback noted = claimed.noted(PIETER, "Voicemail ingesproken.", NOW.plusSeconds(60));
        assertThatThrownBy(() -> noted.noted(PIETER, " ", NOW)).isInstanceOf(Refusal.class);

        Callback closed = noted.closedBy(PIETER, "Teruggebeld, stuurt de stukken na.", NOW.plusSeconds(120));
        assertThat(closed.notes()).extracting(Callback.Note::text)
                .containsExactly("Voicemail ingesproken.", "Teruggebeld, stuurt de stukken na.");
        assertThat(closed.closedAt()).isEqualTo(NOW.plusSeconds(120));
        assertThatThrownBy(() -> closed.claimedBy(PIETER)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("callback-closed"));
        assertThatThrownBy(() -> closed.closedBy(PIETER, null, NOW)).isInstanceOf(Refusal.class);

        assertThat(closed.expired(NOW.plus(Duration.ofDays(90)))).isFalse();
        assertThat(closed.expired(NOW.plus(Duration.ofDays(90)).plusSeconds(121))).isTrue();
        assertThat(noted.expired(NOW.plus(Duration.ofDays(1000)))).as("only closed ones expire").isFalse();
    }

    @Test
    void aRequestHoldsAtMostFiftyNotes() {
        Callback callback = Callback.request("1", "Ilse", "06 12345678", "OCHTEND", "Vraag", null, NOW);
        for (int i = 0; i < Callback.NOTES_MAX; i++) {
            callback = callback.noted(PIETER, "Poging " + i, NOW);
        }
        Callback full = callback;
        assertThatThrownBy(() -> full.noted(PIETER, "Nog een", NOW)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.code()).isEqualTo("too-many-notes"));
    }
}
