package org.lotflow.console.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lotflow.lot.LotService;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.input.InputRules;

/**
 * The source lots of a new lot as a person types them into the Console's form: one per line, the lot number
 * and the quantity consumed from it (in the source's unit), separated by blanks ({@code RM-2025-015 60}).
 * Empty lines are skipped. Each line is held to the API's rules for {@code sourceLots[i]} (an identifier, a
 * quantity: more than 0, at most 3 decimals, never rounded); a refusal names the field {@code sourceLots} and
 * the line. At most 100 lines, as the API accepts.
 */
public final class SourceLotLines {

    private SourceLotLines() {
    }

    public static List<LotService.SourceLotInput> parse(String text) {
        List<LotService.SourceLotInput> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TypedLines.Line line : TypedLines.of(text)) {
            String where = line.where();
            String[] parts = line.parts();
            if (parts.length != 2) {
                throw new InvalidInput("sourceLots", where + " must be a lot number and a quantity, e.g. RM-2025-015 60");
            }
            String idProblem = InputRules.identifier(parts[0]);
            if (idProblem != null) {
                throw new InvalidInput("sourceLots", where + ": the lot number " + idProblem);
            }
            BigDecimal quantity = TypedLines.quantity("sourceLots", line, parts[1]);
            if (!seen.add(parts[0])) {
                throw new InvalidInput("sourceLots", where + ": lot " + parts[0] + " is listed twice");
            }
            out.add(new LotService.SourceLotInput(parts[0], quantity));
        }
        if (out.size() > 100) {
            throw new InvalidInput("sourceLots", "at most 100 source lots, was " + out.size());
        }
        return out;
    }
}
