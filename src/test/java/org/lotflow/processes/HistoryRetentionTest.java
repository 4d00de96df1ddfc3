package org.lotflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.constraints.Max;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.lotflow.product.ProductCategory;
import org.lotflow.product.internal.web.ProductController;

/**
 * Camunda's history is kept at least as long as the lot it belongs to (issue #16): a lot's records are kept until
 * its expiration + its product's retention, and its expiration lies at most the longest shelf life after it was
 * made. So every process in {@code bpmn/} keeps its history (historyTimeToLive, days after the instance ended)
 * for at least the longest retention a product may set plus the longest shelf life a product may have, counted
 * with 366-day years. The nightly cleanup window is configured in application.yml.
 */
class HistoryRetentionTest {

    static long longestLotLifeDays() throws NoSuchFieldException {
        int shelfLifeMonths = (int) ProductController.CreateProductRequest.class.getDeclaredField("shelfLifeMonths")
                .getAnnotation(Max.class).value();
        long years = ProductCategory.MAX_RETENTION_YEARS + (shelfLifeMonths + 11) / 12;
        return years * 366;
    }

    @Test
    void everyProcessKeepsItsHistoryAtLeastAsLongAsTheLongestRetentionPlusShelfLife() throws Exception {
        long required = longestLotLifeDays();
        assertThat(required).as("30 years of retention + 50 years of shelf life").isEqualTo(80 * 366);
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : models) {
            for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
                Integer ttl = process.getCamundaHistoryTimeToLive();
                assertThat(ttl).as(file + ": historyTimeToLive in days").isNotNull();
                assertThat(ttl.longValue()).as(process.getId()).isGreaterThanOrEqualTo(required);
            }
        }
    }

    @Test
    void theHistoryCleanupRunsInANightlyWindow() throws IOException {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        assertThat(yml).contains("historyCleanupBatchWindowStartTime: \"01:00\"")
                .contains("historyCleanupBatchWindowEndTime: \"05:00\"");
    }
}
