package org.openkam.registry.internal.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openkam.api.pipeline.PipelineStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured sales stages. A changed configuration applies at once, without restarting anything.
 * An invalid one is logged and ignored: the stages stay what they were (the defaults at start), because
 * one typo in a file should not take the pipeline of every business unit down.
 */
@Component(service = PipelineStages.class, configurationPid = PipelineStages.PID)
@Designate(ocd = PipelineStages.Config.class)
public final class PipelineStages {

    public static final String PID = "org.openkam.pipeline";
    static final String[] DEFAULTS = {"qualify:10", "develop:25", "propose:50", "negotiate:75", "commit:90"};
    private static final Logger LOG = LoggerFactory.getLogger(PipelineStages.class);

    @ObjectClassDefinition(name = "OpenKAM pipeline stages",
            description = "The sales stages an opportunity moves through and their default win probabilities")
    public @interface Config {

        @AttributeDefinition(name = "Stages", description = "In pipeline order, each as id:probability, e.g. "
                + "propose:50. Ids are lower-case letters, digits and '-', starting with a letter; probabilities "
                + "are percentages from 0 to 100. Entries may also be given comma-separated in one text. "
                + "Opportunities keep the probability they were given when a default changes.")
        String[] stages() default {"qualify:10", "develop:25", "propose:50", "negotiate:75", "commit:90"};
    }

    private volatile List<PipelineStage> stages = parse(DEFAULTS);

    @Activate
    public PipelineStages(Config config) {
        apply(config.stages());
    }

    /** Stages wired by hand, e.g. in tests. */
    public PipelineStages(String... entries) {
        stages = parse(entries);
    }

    @Modified
    void modified(Config config) {
        apply(config.stages());
    }

    /** The stages in pipeline order. */
    public List<PipelineStage> stages() {
        return stages;
    }

    private void apply(String[] entries) {
        try {
            stages = parse(entries);
            LOG.info("Pipeline stages: {}", text(stages));
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring the invalid configuration {} and keeping the stages {}: {}", PID, text(stages),
                    e.getMessage());
        }
    }

    private static String text(List<PipelineStage> stages) {
        return stages.stream().map(s -> s.id() + ":" + s.probability()).collect(Collectors.joining(", "));
    }

    /**
     * Stages from {@code id:probability} entries; refuses the whole list, naming every bad entry, if one
     * is malformed, repeats an id, or if no stage is left.
     */
    static List<PipelineStage> parse(String... entries) {
        List<PipelineStage> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String part : entry.split(",")) {
                String text = part.strip();
                if (text.isEmpty()) {
                    continue;
                }
                PipelineStage stage = stage(text, problems);
                if (stage != null && !ids.add(stage.id())) {
                    problems.add("stage " + stage.id() + " is listed twice");
                } else if (stage != null) {
                    out.add(stage);
                }
            }
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add("at least one stage is needed");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return List.copyOf(out);
    }

    private static PipelineStage stage(String text, List<String> problems) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            problems.add("'" + text + "' is not id:probability");
            return null;
        }
        try {
            return new PipelineStage(text.substring(0, colon).strip(), Integer.parseInt(text.substring(colon + 1).strip()));
        } catch (NumberFormatException e) {
            problems.add("'" + text + "' has no whole-number probability");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return null;
    }
}
