package org.lotflow.history.internal.chain;

/**
 * Walks the sealed chain position by position and keeps the first break (a plain rule: no Spring, no
 * database; fed by {@link AuditChainStore#walk}). A position breaks the chain when it is not the one after the
 * previous (a seal was deleted), its event no longer exists (an event was deleted), its recorded previous hash is
 * not the previous position's hash (a seal was altered or moved), or its event's content no longer gives its hash
 * (an event was edited). At the end the chain must reach the head the sealer recorded (seals deleted at the end).
 */
public final class ChainWalk {

    /** The first break: where, which event (null when its event is gone and unknown) and what is wrong. */
    public record Break(long position, Long eventId, String problem) {
    }

    private long events;
    private long expectedPosition = 1;
    private String hash = ChainHash.GENESIS;
    private Break broken;

    /** One seal: its position, event id, recorded previous hash and hash, and the event as stored now (null: gone). */
    public void accept(long position, long eventId, String previousHash, String sealedHash, ChainHash.Event event) {
        events++;
        if (broken != null) {
            return;
        }
        if (position != expectedPosition) {
            broken = new Break(expectedPosition, null, "position " + expectedPosition + " is missing: the seal of an"
                    + " event was deleted (the next seal is at position " + position + ")");
        } else if (event == null) {
            broken = new Break(position, eventId, "event " + eventId + " sealed at position " + position
                    + " no longer exists: it was deleted");
        } else if (!previousHash.equals(hash)) {
            broken = new Break(position, eventId, "the seal at position " + position + " does not link to position "
                    + (position - 1) + ": the seal was altered");
        } else if (!ChainHash.next(hash, event).equals(sealedHash)) {
            broken = new Break(position, eventId, "event " + eventId + " (" + event.type() + ") no longer matches the"
                    + " hash it was sealed with at position " + position + ": its content was changed");
        }
        hash = sealedHash;
        expectedPosition = position + 1;
    }

    /** After the last seal: the chain must end where the head says it does. */
    public void end(long headPosition, String headHash) {
        if (broken == null && (expectedPosition - 1 != headPosition || !hash.equals(headHash))) {
            broken = new Break(expectedPosition, null, "the chain ends at position " + (expectedPosition - 1)
                    + " but was sealed up to position " + headPosition + ": seals at its end were deleted");
        }
    }

    public long events() {
        return events;
    }

    /** The hash of the last position walked. */
    public String lastHash() {
        return hash;
    }

    /** The first break, or null when the chain is intact. */
    public Break broken() {
        return broken;
    }
}
