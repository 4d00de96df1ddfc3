package org.lotflow.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lotflow.certificate.CertificateView;

/** The PDF of a certificate, rendered and read back (PDFBox's text stripper), without Spring. */
class CertificatePdfTest {

    static final CertificatePdf PDF = new CertificatePdf();
    static final Instant RECORDED = Instant.parse("2025-01-28T10:02:03Z");
    static final Instant APPROVED = Instant.parse("2025-01-28T13:30:05Z");

    static CertificateView seed(String productName, String supersededBy, List<CertificateView.Result> results) {
        return new CertificateView("COA-2025-0234", supersededBy == null ? "CURRENT" : "SUPERSEDED", null,
                supersededBy, APPROVED, LocalDate.parse("2025-01-28"),
                new CertificateView.Plant("Example Lubricants GmbH", "Werkstraße 5, 40210 Düsseldorf, Germany"),
                "IL250-2025-003", "IL-250-55GAL", productName, LocalDate.parse("2025-01-27"),
                LocalDate.parse("2027-01-27"), LocalDate.parse("2027-01-27"), new BigDecimal("500.125"), "drums",
                "Lab results within specification; release approved by Jennifer Lee", 1,
                results.stream().allMatch(CertificateView.Result::passed), results,
                List.of(new CertificateView.Signature("ANALYST", "sarah", "Sarah Johnson", RECORDED,
                                "2025-01-28 10:02 UTC", "lab results recorded (test round 1)"),
                        new CertificateView.Signature("APPROVER", "jennifer", "Jennifer Lee", APPROVED,
                                "2025-01-28 13:30 UTC", "release approval")), null);
    }

    static List<CertificateView.Result> seedResults() {
        return List.of(
                new CertificateView.Result("viscosity40C", new BigDecimal("248"), "cSt", new BigDecimal("245"),
                        new BigDecimal("255"), "245 – 255 cSt", true, "PASS"),
                new CertificateView.Result("pourPoint", new BigDecimal("-18"), "°C", null, new BigDecimal("-15"),
                        "≤ -15 °C", true, "PASS"),
                new CertificateView.Result("waterContent", new BigDecimal("0.000015"), "%", null,
                        new BigDecimal("0.05"), "≤ 0.05 %", true, "PASS"),
                new CertificateView.Result("flashPoint", new BigDecimal("218.5"), "°C", new BigDecimal("220"), null,
                        "≥ 220 °C", false, "FAIL"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void everyFactOfTheCertificateIsInThePdfAsStored() throws IOException {
        byte[] pdf = PDF.pdf(seed("Lubricant <55 gal> & drum", null, seedResults()));
        // a cell's text wraps inside its column: read as words
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains("Example Lubricants GmbH", "Werkstraße 5, 40210 Düsseldorf, Germany",
                "Certificate of Analysis", "COA-2025-0234", "2025-01-28", "Lubricant <55 gal> & drum",
                "IL-250-55GAL", "IL250-2025-003", "500.125 drums", "2025-01-27", "Valid Until", "2027-01-27",
                "viscosity40C", "245 – 255 cSt", "248", "pourPoint", "≤ -15 °C", "-18", "0.000015", "≤ 0.05 %",
                "flashPoint", "≥ 220 °C", "218.5", "FAIL", "PASS", "not all specifications met",
                "Analysed by", "Sarah Johnson", "2025-01-28 10:02 UTC", "lab results recorded (test round 1)",
                "Approved by", "Jennifer Lee", "2025-01-28 13:30 UTC", "release approval", "Page 1 of 1");
        assertThat(text).doesNotContain("SUPERSEDED", "1.5E-5");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Certificate of Analysis COA-2025-0234");
        }
    }

    /** A received lot's certificate names who made it (new user 2026-12-07 24b); a plant lot's names no one. */
    @Test
    void aReceivedLotsCertificateNamesItsManufacturer() throws IOException {
        CertificateView plant = seed("IL-250", null, seedResults());
        CertificateView received = new CertificateView(plant.coaNumber(), plant.status(), null, null,
                plant.issuedAt(), plant.issueDate(), plant.plant(), plant.lotNumber(), plant.sku(), plant.productName(),
                plant.manufactureDate(), plant.expirationDate(), plant.validUntil(), plant.quantity(), plant.unit(),
                plant.release(), 1, plant.passed(), plant.results(), plant.signatures(),
                CertificateRules.manufacturer("Gulf Coast Base Oils", "GCB-24-7781"));
        assertThat(text(PDF.pdf(received)).replaceAll("\\s+", " ")).contains("Manufacturer",
                "Gulf Coast Base Oils, their lot GCB-24-7781");
        assertThat(text(PDF.pdf(plant))).doesNotContain("Manufacturer");
        assertThat(CertificateRules.manufacturer(null, "X")).isNull();
        assertThat(CertificateRules.manufacturer("Acme", null)).isEqualTo("Acme");
    }

    /** A unit of words stays on one line in its column (new user 2026-12-06 L6: "mg KOH" / "/g"). */
    @Test
    void aUnitOfWordsStaysOnOneLine() throws IOException {
        byte[] pdf = PDF.pdf(seed("IL-250", null, List.of(new CertificateView.Result("baseNumber",
                new BigDecimal("8.0"), "mg KOH/g", new BigDecimal("7.5"), new BigDecimal("8.50"),
                "7.5 – 8.50 mg KOH/g", true, "PASS"))));
        String line = text(pdf).lines().filter(l -> l.contains("baseNumber")).findFirst().orElseThrow();
        // the limits' and the unit column's, both whole on the test's line
        assertThat(line.split("mg KOH/g", -1)).as(line).hasSize(3);
        assertThat(line).contains("8.0");
    }

    /** New user 2026-12-06 D13: the customer a certificate was handed out to is printed on it; none, nothing printed. */
    @Test
    void aCertificateHandedOutToACustomerNamesIt() throws IOException {
        assertThat(text(PDF.pdf(seed("IL-250", null, seedResults()), "Industrial Services Inc. & Co")))
                .contains("Provided to", "Industrial Services Inc. & Co");
        assertThat(text(PDF.pdf(seed("IL-250", null, seedResults())))).doesNotContain("Provided to");
        // the longest name a hand-out takes wraps on the page, every character printed (re-test 2026-12-06 F6)
        String longest = "W".repeat(200);
        String printed = text(PDF.pdf(seed("IL-250", null, seedResults()), longest));
        assertThat(printed).as("wrapped over lines, not one line running off the page").doesNotContain(longest);
        assertThat(printed.replace("\n", "").replace("\r", "")).contains(longest);
    }

    /**
     * Auditor 2026-12-06 F5: an observation or a product name of one long word pushed the table's right-hand columns
     * (the verdict, or the result, unit and verdict; Issue Date, SKU, Quantity, Valid Until) off the page, and the
     * certificate was printed without them. Every cell wraps inside its column: every word printed, on the page.
     */
    @Test
    void longWordsWrapInsideTheirCellsAndNoColumnLeavesThePage() throws IOException {
        String reference = "QC_REF_APPEARANCE_2024_117_CLEAR_AMBER_LIQUID_NO_PARTICLES";
        String longest = "W".repeat(200);
        String product = "P".repeat(128);
        List<CertificateView.Result> results = new ArrayList<>(seedResults());
        results.add(new CertificateView.Result("appearance", null, null, null, null, "observed", true, "REPORTED",
                "Conforms (reference " + reference + ")"));
        results.add(new CertificateView.Result("odour", null, null, null, null, "observed", true, "REPORTED", longest));
        byte[] pdf = PDF.pdf(seed(product, null, results));
        String joined = text(pdf).replace("\n", "").replace("\r", "");
        assertThat(joined).contains(reference, longest, product, "Issue Date", "SKU", "IL-250-55GAL", "Quantity",
                "500.125 drums", "Valid Until", "Verdict", "REPORTED", "FAIL", "248", "cSt");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            float[] right = {0};
            PDFTextStripper rightmost = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(p -> right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj()));
                }
            };
            rightmost.getText(doc);
            float width = doc.getPage(0).getMediaBox().getWidth();
            assertThat(right[0]).as("the rightmost character ends inside the page's width " + width).isLessThan(width);
        }
    }

    @Test
    void aSupersededCertificateSaysSoAndNamesItsSuccessor() throws IOException {
        assertThat(text(PDF.pdf(seed("IL-250", "COA-2025-0301", seedResults()))))
                .contains("SUPERSEDED by COA-2025-0301");
    }

    @Test
    void aLongSpecificationRunsOverPagesWithEveryTestPrinted() throws IOException {
        List<CertificateView.Result> many = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            many.add(new CertificateView.Result(String.format("test-%02d kinematic viscosity ASTM D445", i),
                    new BigDecimal(200 + i), "cSt", new BigDecimal("200"), new BigDecimal("300"), "200 – 300 cSt",
                    true, "PASS"));
        }
        byte[] pdf = PDF.pdf(seed("IL-250", null, many));
        assertThat(pages(pdf)).isGreaterThan(1);
        String text = text(pdf).replaceAll("\\s+", " ");
        for (int i = 1; i <= 80; i++) {
            assertThat(text).contains(String.format("test-%02d kinematic viscosity ASTM D445", i));
        }
        assertThat(text).contains("Page 1 of " + pages(pdf), "Jennifer Lee");
    }

    @Test
    void aControlCharacterInATextIsPrintedVisiblyInsteadOfFailingTheDocument() throws IOException {
        String text = text(PDF.pdf(seed("Bell\u0007Oil", null, seedResults())));
        assertThat(text).contains("Bell").contains("Oil").contains("COA-2025-0234");
        assertThat(CertificatePdf.printable("a\u0007b\u0000c\td")).isEqualTo("a\uFFFDb\uFFFDc\td");
    }
}
