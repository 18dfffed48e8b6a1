package nl.mboconnect.membership.callback;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number someone can be called back on: Dutch as people write them ({@code 06 12345678},
 * {@code 030-1234567}) or international ({@code +49 30 1234567}), checked with libphonenumber's
 * metadata. Kept as E.164 ({@code +31612345678}) to dial and as the way one writes it to read:
 * national for Dutch numbers, international for others.
 *
 * @param e164    {@code +31612345678}
 * @param display {@code 06 12345678}, {@code +49 30 1234567}
 */
public record PhoneNumber(String e164, String display) {

    /** More than anyone types for a number, spaces and dashes included. */
    static final int MAX_LENGTH = 40;
    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    /** The number, if the text is a valid Dutch or international phone number. */
    static Optional<PhoneNumber> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = NUMBERS.parse(text.strip(), "NL");
            if (!NUMBERS.isValidNumber(number)) {
                return Optional.empty();
            }
            boolean dutch = number.getCountryCode() == NUMBERS.getCountryCodeForRegion("NL");
            return Optional.of(new PhoneNumber(NUMBERS.format(number, PhoneNumberFormat.E164),
                    NUMBERS.format(number, dutch ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
