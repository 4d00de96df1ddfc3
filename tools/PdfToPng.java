import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders the first page of a PDF as a PNG with PDFBox (the library lotflow prints its PDFs with), for the README's
 * pictures: {@code java -cp <pdfbox jars> tools/PdfToPng.java in.pdf out.png [dpi]}. Used by tools/readme-pictures.sh.
 */
public class PdfToPng {

    public static void main(String[] args) throws Exception {
        float dpi = args.length > 2 ? Float.parseFloat(args[2]) : 110f;
        try (PDDocument pdf = Loader.loadPDF(new File(args[0]))) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, dpi, ImageType.RGB);
            ImageIO.write(page, "png", new File(args[1]));
        }
    }
}
