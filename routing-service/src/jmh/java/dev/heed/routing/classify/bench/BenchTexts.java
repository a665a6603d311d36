package dev.heed.routing.classify.bench;

import java.util.Random;

/** Synthetic feedback for the benchmark, built from fragments with a fixed seed (no external data). */
public final class BenchTexts {

    private static final String[] FRAGMENTS = {
        "My parcel still hasn't arrived and I have been waiting for 3 weeks.",
        "The courier was friendly but the box was crushed!",
        "Oh great, another delay.",
        "I was charged twice for the same order, please refund me.",
        "The app keeps crashing when I try to pay :(",
        "Absolutely love the new blender, works great 😍",
        "Customer service never answers the phone, this is the third time I'm writing.",
        "The food was not bad at all, but the waiter was VERY rude.",
        "Thanks for nothing.",
        "Booking the room was easy and the staff were lovely.",
        "It stopped working after two days, waste of money.",
        "Would be nice if you added a dark mode to the website.",
        "How do I change my delivery address?",
        "The charger started smoking and I am worried it is dangerous.",
        "If this is not fixed I will cancel my subscription and talk to my lawyer.",
        "Good value, fast shipping, would recommend.",
    };

    private BenchTexts() {
    }

    /** {@code count} texts of about {@code length} characters each. */
    public static String[] generate(int count, int length, long seed) {
        Random random = new Random(seed);
        String[] texts = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder(length + 100);
            while (sb.length() < length) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            texts[i] = sb.length() > length + 40 ? sb.substring(0, length) : sb.toString();
        }
        return texts;
    }
}
