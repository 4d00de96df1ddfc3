package org.lotflow.certificate.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.lotflow.certificate.CertificateView;

class ScratchPdfTest {
    @Test
    void render() throws Exception {
        Instant rec = Instant.parse("2025-01-28T10:02:03Z");
        Instant app = Instant.parse("2025-01-28T13:30:05Z");
        List<CertificateView.Result> results = List.of(
                new CertificateView.Result("viscosity40C", new BigDecimal("248"), "cSt", new BigDecimal("245"), new BigDecimal("255"), "245 – 255 cSt", true, "PASS"),
                new CertificateView.Result("viscosity100C", new BigDecimal("18.2"), "cSt", new BigDecimal("17"), new BigDecimal("19"), "17 – 19 cSt", true, "PASS"),
                new CertificateView.Result("viscosityIndex", new BigDecimal("105"), null, new BigDecimal("100"), null, "≥ 100", true, "PASS"),
                new CertificateView.Result("flashPoint", new BigDecimal("225"), "°C", new BigDecimal("220"), null, "≥ 220 °C", true, "PASS"),
                new CertificateView.Result("pourPoint", new BigDecimal("-18"), "°C", null, new BigDecimal("-15"), "≤ -15 °C", true, "PASS"),
                new CertificateView.Result("acidNumber", new BigDecimal("0.05"), "mg KOH/g", null, new BigDecimal("0.1"), "≤ 0.1 mg KOH/g", true, "PASS"),
                new CertificateView.Result("waterContent", new BigDecimal("0.02"), "%", null, new BigDecimal("0.05"), "≤ 0.05 %", true, "PASS"));
        CertificateView c = new CertificateView("COA-2025-0234", "CURRENT", null, null, app, LocalDate.parse("2025-01-28"),
                new CertificateView.Plant("lotflow Demo Plant (Industrial Lubricants)", "1200 Refinery Road, Springfield, IL 62701, USA"),
                "IL250-2025-003", "IL-250-55GAL", "Industrial Lubricant IL-250, 55 gal drum", LocalDate.parse("2025-01-27"),
                LocalDate.parse("2027-01-27"), LocalDate.parse("2027-01-27"), new BigDecimal("500"), "drums",
                "Lab results within specification; release approved by Jennifer Lee", 1, true, results,
                List.of(new CertificateView.Signature("ANALYST", "sarah", "Sarah Johnson", rec, "28 Jan 2025, 10:02:03 UTC", "lab results recorded (test round 1)"),
                        new CertificateView.Signature("APPROVER", "jennifer", "Jennifer Lee", app, "28 Jan 2025, 13:30:05 UTC", "release approval")));
        byte[] pdf = new CertificatePdf().pdf(c);
        Files.write(Path.of("target/coa-sample.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            var img = new PDFRenderer(doc).renderImageWithDPI(0, 80);
            javax.imageio.ImageIO.write(img, "png", Path.of("target/coa-sample.png").toFile());
        }
        Files.writeString(Path.of("target/coa-sample.xhtml"), new CertificatePdf().xhtml(c));
    }
}
