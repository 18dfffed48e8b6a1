package nl.mboconnect.events.event;

/**
 * What happens when a place frees up: the first in line is confirmed at once
 * ({@link Promotion#AUTOMATIC}), or offered the place for {@code offerHours} and passed over when
 * the offer lapses ({@link Promotion#OFFER}).
 */
public record WaitlistPolicy(Promotion promotion, Integer offerHours) {

    public static final int MAX_OFFER_HOURS = 14 * 24;

    public enum Promotion {
        AUTOMATIC, OFFER
    }

    public static WaitlistPolicy automatic() {
        return new WaitlistPolicy(Promotion.AUTOMATIC, null);
    }
}
