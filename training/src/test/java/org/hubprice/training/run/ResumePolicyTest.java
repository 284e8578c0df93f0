package org.hubprice.training.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which configuration differences a resume accepts. */
class ResumePolicyTest {
    @Test
    void differencesNameDottedKeysAndCompareNumbersAsNumbers() {
        Map<String, Object> a = Map.of("seed", 1, "stopping", Map.of("maxEpisodes", 100), "agents", List.of(Map.of("agent", "sac")));
        Map<String, Object> b = Map.of("seed", 1.0, "stopping", Map.of("maxEpisodes", 200), "agents", List.of(Map.of("agent", "dqn")));
        // Map.of iterates in no fixed order: compare as sets
        assertEquals(java.util.Set.of("stopping.maxEpisodes", "agents[0].agent"), new java.util.HashSet<>(ResumePolicy.differences(a, b, "")));
        assertEquals(List.of(), ResumePolicy.differences(a, a, ""));
    }

    @Test
    void onlySettingsThatDoNotChangeLearningMayDiffer() {
        assertTrue(ResumePolicy.resumable("stopping.maxEpisodes"));
        assertTrue(ResumePolicy.resumable("progress.logEvery"));
        assertTrue(ResumePolicy.resumable("checkpoint.every"));
        assertTrue(ResumePolicy.resumable("validation.every"));
        assertFalse(ResumePolicy.resumable("validation.days"), "another validation set changes the best checkpoint");
        assertFalse(ResumePolicy.resumable("schedule.gradientSteps"));
        assertFalse(ResumePolicy.resumable("seed"));
    }
}
