package org.lotflow.serial.internal;

import java.util.List;
import java.util.Map;

import org.lotflow.history.LotHistory;
import org.lotflow.serial.SerialEventTypes;
import org.springframework.stereotype.Component;

/**
 * Writes serial events into the lot's audit trail ({@link LotHistory}: hash-chained, never updated): every serial
 * registered or shipped is listed, {@link SerialEventTypes#SERIALS_PER_EVENT} per event, with {@code part} and
 * {@code parts} when there are more.
 */
@Component
public class SerialEvents {

    private final LotHistory history;

    public SerialEvents(LotHistory history) {
        this.history = history;
    }

    /** Records {@code type} for the lot with the serials and the common detail, in as many events as it takes. */
    public void record(long lotId, String type, String reason, List<String> serials, Map<String, ?> detail) {
        int per = SerialEventTypes.SERIALS_PER_EVENT;
        int parts = (serials.size() + per - 1) / per;
        for (int part = 0; part < parts; part++) {
            List<String> listed = serials.subList(part * per, Math.min(serials.size(), (part + 1) * per));
            LotHistory.Builder event = history.event(lotId, type).reason(reason).details(detail)
                    .detail("count", serials.size());
            if (parts > 1) {
                event.detail("part", part + 1).detail("parts", parts);
            }
            event.detail("serials", listed).record();
        }
    }
}
