package dev.heed.responder.notify;

import dev.heed.events.DeliveryChannel;

/**
 * One place an agent notification goes: an e-mail address or a webhook URL (signed with the agents'
 * webhook secret when one is configured).
 */
public record Recipient(DeliveryChannel channel, String address, String webhookSecret) {

    /**
     * @param spec {@code mailto:lead@example.com}, a bare {@code lead@example.com}, or an {@code http(s)://} URL
     */
    public static Recipient parse(String spec, String webhookSecret) {
        String s = spec.trim();
        if (s.startsWith("http://") || s.startsWith("https://")) {
            return new Recipient(DeliveryChannel.WEBHOOK, s, webhookSecret);
        }
        String address = s.startsWith("mailto:") ? s.substring("mailto:".length()) : s;
        if (!address.contains("@")) {
            throw new IllegalArgumentException("an agent recipient is an e-mail address or an http(s) URL: " + spec);
        }
        return new Recipient(DeliveryChannel.EMAIL, address, null);
    }

    @Override
    public String toString() {
        return channel + ":" + address;
    }
}
