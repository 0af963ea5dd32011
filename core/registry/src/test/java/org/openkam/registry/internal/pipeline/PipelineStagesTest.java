package org.openkam.registry.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openkam.api.pipeline.PipelineStage;

class PipelineStagesTest {

    private static PipelineStages.Config config(String... stages) {
        return new PipelineStages.Config() {
            @Override
            public String[] stages() {
                return stages;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return PipelineStages.Config.class;
            }
        };
    }

    @Test
    void theDefaultsAreTheClassicFiveStages() {
        assertEquals(List.of(new PipelineStage("qualify", 10), new PipelineStage("develop", 25),
                new PipelineStage("propose", 50), new PipelineStage("negotiate", 75), new PipelineStage("commit", 90)),
                PipelineStages.parse(PipelineStages.DEFAULTS));
    }

    @Test
    void entriesMayBeCommaSeparatedInOneText() {
        assertEquals(List.of(new PipelineStage("lead", 5), new PipelineStage("short-list", 40),
                new PipelineStage("award", 100)), PipelineStages.parse(" lead:5 , short-list: 40,", "award:100"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Qualify:10", "qualify", "qualify:ten", "qualify:101", "qualify:-1", "qualify:10,qualify:20",
            "", " , "})
    void invalidConfigurationsAreRefused(String entries) {
        assertThrows(IllegalArgumentException.class, () -> PipelineStages.parse(entries));
    }

    @Test
    void everyBadEntryIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineStages.parse("Qualify:10", "develop:250", "propose"));
        assertTrue(e.getMessage().contains("Qualify") && e.getMessage().contains("250")
                && e.getMessage().contains("'propose'"), e.getMessage());
    }

    @Test
    void aChangedConfigurationAppliesAndAnInvalidOneIsIgnored() {
        PipelineStages stages = new PipelineStages(config(PipelineStages.DEFAULTS));
        stages.modified(config("lead:5", "win:95"));
        List<PipelineStage> configured = List.of(new PipelineStage("lead", 5), new PipelineStage("win", 95));
        assertEquals(configured, stages.stages());
        stages.modified(config("Lead:500"));
        assertEquals(configured, stages.stages());
        assertEquals(5, new PipelineStages(config("BAD")).stages().size(), "an invalid first configuration keeps the defaults");
    }
}
