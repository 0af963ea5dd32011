package org.openkam.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineStageTest {

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource({"Qualify, 10", "1st, 10", "pro_pose, 50", "'', 10", "develop, -1", "develop, 101"})
    void badStagesAreRefused(String id, int probability) {
        assertThrows(IllegalArgumentException.class, () -> new PipelineStage(id, probability));
    }

    @Test
    void stagesAreFoundById() {
        List<PipelineStage> stages = List.of(new PipelineStage("qualify", 10), new PipelineStage("short-list", 0),
                new PipelineStage("commit", 100));
        assertEquals(Optional.of(new PipelineStage("commit", 100)), PipelineStage.find(stages, "commit"));
        assertEquals(Optional.empty(), PipelineStage.find(stages, "Commit"));
    }
}
