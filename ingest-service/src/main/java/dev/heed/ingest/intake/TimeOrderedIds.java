package dev.heed.ingest.intake;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, the other 74 free bits
 * random, so ids sort by when they were given and still do not collide. They name things (an accepted
 * request, a feedback sent without an id); they are not secrets, so the random bits come from
 * {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from {@code SecureRandom}, which was a
 * twenty-fifth of a batch item's CPU on the request thread.
 */
final class TimeOrderedIds {
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {}

    static String next(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (at.toEpochMilli() << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
        long lsb = VARIANT_RFC | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(msb, lsb).toString();
    }
}
