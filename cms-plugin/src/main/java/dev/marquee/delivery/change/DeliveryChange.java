package dev.marquee.delivery.change;

/** One recorded change: its id (unique, not commit-ordered) and the segment it touched. */
public record DeliveryChange(long id, DeliverySegment segment) {}
