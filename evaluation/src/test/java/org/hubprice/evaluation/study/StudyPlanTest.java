package org.hubprice.evaluation.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyPlanTest {
    private static final StudyPlan PAPER = StudyPlan.paper(null, null, StudyPlan.DEFAULT_EPISODES, 20, "synthetic", List.of());

    private static List<Integer> order(List<StudyPlan.Task> pending, Map<Integer, Long> episodes) {
        return PAPER.runOrder(pending, t -> episodes.getOrDefault(t.index(), 0L)).stream().map(StudyPlan.Task::index).toList();
    }

    /** A fresh study runs every cell's first seed, then the second seeds, then SAC-FF's third. */
    @Test
    void aFreshStudyGoesRoundByRoundOverTheCells() {
        assertEquals(17, PAPER.tasks().size());
        assertEquals(List.of(0, 3, 5, 7, 9, 11, 13, 15, 1, 4, 6, 8, 10, 12, 14, 16, 2), order(PAPER.tasks(), Map.of()));
    }

    /**
     * Tasks 0–3 done, 4 and 5 checkpointed (at 15,000 and 25,000 episodes): the started ones come
     * first, the one nearer its end first; then the cells with no run yet, then the second seeds.
     */
    @Test
    void startedTasksFirstThenCellsWithoutARun() {
        List<StudyPlan.Task> pending = PAPER.tasks().subList(4, 17);
        assertEquals(List.of(5, 4, 7, 9, 11, 13, 15, 6, 8, 10, 12, 14, 16), order(pending, Map.of(4, 15_000L, 5, 25_000L)));
    }

    /** Only the order changes: a task keeps its index, cell and seed, and none is lost or repeated. */
    @Test
    void theOrderIsAPermutationOfThePendingTasks() {
        List<StudyPlan.Task> pending = PAPER.tasks().subList(2, 17);
        List<StudyPlan.Task> ordered = PAPER.runOrder(pending, t -> t.index() == 9 ? 5_000 : 0);
        assertEquals(pending.size(), ordered.size());
        assertEquals(new java.util.HashSet<>(pending), new java.util.HashSet<>(ordered));
        assertEquals(9, ordered.get(0).index());
        assertEquals(new StudyPlan.Task(9, Cell.paper("dqn-ff_dqn-ff"), 1), ordered.get(0));
    }
}
