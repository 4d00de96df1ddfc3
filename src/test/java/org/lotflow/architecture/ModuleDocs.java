package org.lotflow.architecture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The generated module documentation in one stable form. Spring Modulith's Documenter writes the same
 * relations and the same lists in a different order from one run to the next (it walks hash sets), so
 * the files in {@code docs/modules} would change on every refresh. Where the order carries no meaning it
 * is made alphabetical here, and only there:
 *
 * <ul>
 * <li>PlantUML ({@code .puml}): each run of consecutive {@code Component(...)} lines and each run of
 * consecutive {@code Rel(...)} lines;</li>
 * <li>module canvases ({@code .adoc}): each bullet list of a table cell ({@code |* first}, then
 * {@code * next} ...), the first item keeping the cell's {@code |}.</li>
 * </ul>
 *
 * Every other line (headers, titles, boundaries, blank lines, the table's rows) stays where it is, and
 * the text keeps its line breaks and its ending. Normalizing twice changes nothing.
 */
final class ModuleDocs {

    private ModuleDocs() {
    }

    /** The file's text in its stable form; {@code fileName} tells the format (by its ending). */
    static String normalized(String fileName, String text) {
        List<String> lines = List.of(text.split("\n", -1));
        if (fileName.endsWith(".puml")) {
            return String.join("\n", sortRuns(sortRuns(lines, startsWith("Component(")), startsWith("Rel(")));
        }
        if (fileName.endsWith(".adoc")) {
            return String.join("\n", sortBulletLists(lines));
        }
        return text;
    }

    private static Predicate<String> startsWith(String prefix) {
        return line -> line.stripLeading().startsWith(prefix);
    }

    /** Sorts every maximal run of consecutive lines that {@code member} accepts, in place. */
    private static List<String> sortRuns(List<String> lines, Predicate<String> member) {
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            if (!member.test(lines.get(i))) {
                out.add(lines.get(i++));
                continue;
            }
            int end = i;
            while (end < lines.size() && member.test(lines.get(end))) {
                end++;
            }
            out.addAll(lines.subList(i, end).stream().sorted().toList());
            i = end;
        }
        return out;
    }

    /** Sorts the items of every AsciiDoc bullet list ({@code |* a} or {@code * a}, then {@code * b} ...). */
    private static List<String> sortBulletLists(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            boolean inCell = line.startsWith("|* ");
            if (!inCell && !line.startsWith("* ")) {
                out.add(line);
                i++;
                continue;
            }
            List<String> items = new ArrayList<>();
            items.add(line.substring(inCell ? 1 : 0));
            int end = i + 1;
            while (end < lines.size() && lines.get(end).startsWith("* ")) {
                items.add(lines.get(end++));
            }
            items.sort(Comparator.naturalOrder());
            for (int k = 0; k < items.size(); k++) {
                out.add(k == 0 && inCell ? "|" + items.get(k) : items.get(k));
            }
            i = end;
        }
        return out;
    }
}
