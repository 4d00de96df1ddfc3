package org.lotflow.reports.internal.web;

import org.lotflow.reports.internal.QualityReports;
import org.lotflow.reports.internal.chart.ControlChartData;
import org.lotflow.reports.internal.chart.QualityControlChart;
import org.lotflow.shared.InvalidInput;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/quality-trend/chart?sku=&test=}: one test's quality trend as a control chart, a PNG
 * (issue #13, "Pictures and numbers": values over lots with the specification limits drawn; the seed's
 * "Quality trend analysis"). The same lots and values as {@code /api/reports/quality-trend} with the same
 * filters ({@code from}, {@code to}, {@code size}) and the same readers (QA analysts and managers), drawn by
 * {@link QualityControlChart}: each lot's value of its last round in order of manufacture, the
 * specification limits, the centre line and the control limits (mean ± 3 s); values judged out of
 * specification in red. {@code width} and {@code height} in pixels, 200-4000 (default 900 x 450). Embeddable:
 * {@code <img src="/api/reports/quality-trend/chart?sku=IL-250&test=viscosity">} in a logged-in browser.
 * Refusals as problem+json: 400 naming {@code sku}, {@code test} (missing, or no test of the product),
 * {@code width} or {@code height}; 403 for other groups.
 */
@RestController
public class QualityChartController {

    private final QualityReports quality;

    public QualityChartController(QualityReports quality) {
        this.quality = quality;
    }

    @GetMapping(path = "/api/reports/quality-trend/chart", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> chart(@RequestParam(required = false) String sku,
            @RequestParam(required = false) String test, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Integer width, @RequestParam(required = false) Integer height) {
        int w = pixels("width", width, 900);
        int h = pixels("height", height, 450);
        if (test == null || test.isBlank()) {
            throw new InvalidInput("test", "name the test to chart, e.g. test=viscosity");
        }
        QualityReports.Trend trend = quality.trend(sku, from, to, size);
        QualityReports.TestTrend t = trend.tests().stream().filter(x -> x.test().equals(test)).findFirst()
                .orElseThrow(() -> new InvalidInput("test", "'" + test + "' is not a test of " + trend.sku()
                        + "; its tests: " + String.join(", ", trend.tests().stream().map(QualityReports.TestTrend::test).toList())));
        ControlChartData data = new ControlChartData(trend.sku(), trend.productName(), t.test(), t.unit(), t.specMin(),
                t.specMax(), t.points().stream().map(p -> new ControlChartData.Point(p.lotNumber(), p.manufactureDate(),
                        p.value(), p.passed())).toList());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QualityControlChart.png(data, w, h));
    }

    private static int pixels(String field, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 200 || value > 4000) {
            throw new InvalidInput(field, field + " is " + value + " pixels; a chart is 200 to 4000 pixels " + field);
        }
        return value;
    }
}
