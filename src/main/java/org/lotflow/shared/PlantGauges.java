package org.lotflow.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The figures a plant watches on a dashboard rather than reads in a report (issue #13, "Pictures and
 * numbers"): lots by status, quantity on hold, open investigations and their age, open recalls and
 * unanswered notifications, releases past their target, lots expiring within the alert window. Exported by
 * Micrometer at {@code /actuator/prometheus} (administrators only, like every actuator endpoint but health).
 *
 * <p>Each figure belongs to the module that owns its tables, which registers it here with a reader: a
 * set-based query answering one value per combination of tag values. The readers run on one background
 * thread every {@code lotflow.metrics.refresh} (default 30 s; first once the application is ready, so a
 * start waits for none of them), never on a scrape: a scrape costs nothing, and at a million lots no
 * dashboard refresh can put a count over the lot table on the request path. A reader that fails (database
 * down) keeps its last values and is logged; the others go on. On a cluster every node exports the same
 * plant-wide figures: take one node's, or {@code max} over nodes.
 */
@Component
public class PlantGauges {

    private static final Logger log = LoggerFactory.getLogger(PlantGauges.class);

    /**
     * One value per combination of tag values; each key lists the values of the figure's tag keys, in
     * order. A combination missing from a reading disappears from the export (a SKU no longer on hold).
     */
    public interface Reader extends Supplier<Map<List<String>, ? extends Number>> {
    }

    private record Figure(MultiGauge gauge, List<String> tagKeys, Reader reader) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration refresh;
    private final List<Figure> figures = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;

    public PlantGauges(MeterRegistry registry, Clock clock, @Value("${lotflow.metrics.refresh:PT30S}") Duration refresh) {
        this.registry = registry;
        this.clock = clock;
        this.refresh = refresh;
    }

    /**
     * Registers a figure: {@code name} in Micrometer's dotted form ({@code lotflow.lots} is exported as
     * {@code lotflow_lots}), {@code baseUnit} null or a unit such as {@code seconds} (appended to the
     * exported name), {@code tagKeys} the keys whose values each key of the reader's answer lists.
     */
    public void register(String name, String description, String baseUnit, List<String> tagKeys, Reader reader) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).baseUnit(baseUnit).register(registry);
        figures.add(new Figure(gauge, List.copyOf(tagKeys), reader));
    }

    /**
     * Registers the two figures of one kind of investigation (quarantine holds, OOS results):
     * {@code lotflow_investigations_open{kind}}, how many are open, and
     * {@code lotflow_investigations_oldest_age_seconds{kind}}, whole seconds since the oldest open one was
     * opened by the application clock (0 when none is open).
     */
    public void registerOpenInvestigations(String kind, Supplier<Long> open, Supplier<OffsetDateTime> oldestOpenedAt) {
        register("lotflow.investigations.open", "Open investigations", null, List.of("kind"),
                () -> Map.of(List.of(kind), open.get()));
        register("lotflow.investigations.oldest.age", "Age of the oldest open investigation", "seconds",
                List.of("kind"), () -> {
                    OffsetDateTime oldest = oldestOpenedAt.get();
                    long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
                    return Map.of(List.of(kind), age);
                });
    }

    /** Reads every figure now (the background refresh; tests call it to see fresh values at once). */
    public void refreshNow() {
        for (Figure f : figures) {
            try {
                Map<List<String>, ? extends Number> values = f.reader().get();
                List<MultiGauge.Row<?>> rows = new ArrayList<>(values.size());
                new LinkedHashMap<>(values).forEach((tagValues, value) -> {
                    Tags tags = Tags.empty();
                    for (int i = 0; i < f.tagKeys().size(); i++) {
                        tags = tags.and(f.tagKeys().get(i), String.valueOf(tagValues.get(i)));
                    }
                    rows.add(MultiGauge.Row.of(tags, value));
                });
                f.gauge().register(rows, true);
            } catch (RuntimeException e) {
                log.warn("Plant figure {} not refreshed; it keeps its last values", f.gauge(), e);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRefreshing() {
        if (refresh.isZero() || refresh.isNegative()) {
            return; // refreshed on demand only (tests)
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plant-gauges");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshNow, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
