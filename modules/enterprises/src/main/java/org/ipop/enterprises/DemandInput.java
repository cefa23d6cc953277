package org.ipop.enterprises;

import java.util.List;

/**
 * A technology demand as an enterprise posts it (技术需求).
 *
 * @param problem   the problem to solve, in the enterprise's words
 * @param segment   the desired strategic-emerging-industry branch (SEI 2021 code), optional
 * @param budgetMin lower end of the budget in 万元, optional
 * @param budgetMax upper end of the budget in 万元, optional
 * @param modes     cooperation modes ({@link CooperationMode} names)
 * @param deadline  ISO date by which it is needed, optional
 */
public record DemandInput(String title, String problem, String segment, Integer budgetMin, Integer budgetMax,
        List<String> modes, String deadline) {

    public DemandInput {
        modes = modes == null ? List.of() : List.copyOf(modes);
    }
}
