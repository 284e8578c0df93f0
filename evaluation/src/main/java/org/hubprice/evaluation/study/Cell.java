package org.hubprice.evaluation.study;

import java.util.List;
import org.hubprice.common.EditDistance;

/**
 * One cell of a study: a named training configuration, what it varies, and the paper's figure
 * to compare with (NaN where the paper gives none for the cell).
 *
 * @param id the cell's name (the named configuration it trains)
 * @param algorithms the two hubs' learners ({@code sac}, {@code dqn})
 * @param networks the two hubs' networks ({@code ff}, {@code mha})
 * @param variant {@code baseline}, {@code no-balking} or {@code demand+50}
 * @param paperDelta the paper's median Δ for the cell, or NaN
 * @param paperNote how the paper reports the cell
 */
public record Cell(String id, List<String> algorithms, List<String> networks, String variant, double paperDelta, String paperNote) {
    /** The paper's cells: six pairings on the default demand model and SAC-FF × SAC-FF under two sensitivity cases. */
    public static final List<Cell> PAPER = List.of(
            new Cell("sac-ff_sac-ff", List.of("sac", "sac"), List.of("ff", "ff"), "baseline", 0.45,
                    "median Δ ≈ 0.45, average markup 1.38"),
            new Cell("sac-mha_sac-mha", List.of("sac", "sac"), List.of("mha", "mha"), "baseline", Double.NaN,
                    "within the pairings' range 0.18–0.45"),
            new Cell("sac-mha_sac-ff", List.of("sac", "sac"), List.of("mha", "ff"), "baseline", Double.NaN, "within 0.18–0.45"),
            new Cell("sac-ff_dqn-ff", List.of("sac", "dqn"), List.of("ff", "ff"), "baseline", Double.NaN, "within 0.18–0.45"),
            new Cell("dqn-ff_dqn-ff", List.of("dqn", "dqn"), List.of("ff", "ff"), "baseline", Double.NaN, "within 0.18–0.45"),
            new Cell("dqn-mha_dqn-mha", List.of("dqn", "dqn"), List.of("mha", "mha"), "baseline", Double.NaN, "within 0.18–0.45"),
            new Cell("no-balking", List.of("sac", "sac"), List.of("ff", "ff"), "no-balking", 0.6, "Δ rises to about 0.6"),
            new Cell("demand+50", List.of("sac", "sac"), List.of("ff", "ff"), "demand+50", Double.NaN,
                    "between the baseline and no balking"));

    /** The paper's cell {@code id}. */
    public static Cell paper(String id) {
        for (Cell c : PAPER) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        String nearest = EditDistance.nearest(id, ids());
        throw new IllegalArgumentException("cell '" + id + "' is not a cell of the paper study; cells: " + ids()
                + (nearest != null ? ". Maybe '" + nearest + "'?" : ""));
    }

    /** The paper study's cell names. */
    public static List<String> ids() {
        return PAPER.stream().map(Cell::id).toList();
    }

    /** Both hubs learn with SAC. */
    public boolean allSac() {
        return algorithms.stream().allMatch("sac"::equals);
    }

    /** Both hubs learn with DQN. */
    public boolean allDqn() {
        return algorithms.stream().allMatch("dqn"::equals);
    }

    /** Both hubs use attention networks. */
    public boolean allMha() {
        return networks.stream().allMatch("mha"::equals);
    }

    /** Both hubs use feed-forward networks. */
    public boolean allFf() {
        return networks.stream().allMatch("ff"::equals);
    }
}
