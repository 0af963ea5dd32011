package org.openkam.registry.internal.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openkam.api.account.AccountDraft;
import org.openkam.api.pipeline.OpportunityStatus;
import org.openkam.api.pipeline.PipelineStage;
import org.openkam.api.pipeline.StagePipeline;
import org.openkam.api.pipeline.WeightedValue;

/** The open opportunities of one stage added up while their rows are read; weighted values as each lists. */
final class StageTotals {

    private final String stage;
    private int count;
    private final Map<String, BigDecimal> values = new TreeMap<>();
    private final Map<String, BigDecimal> weighted = new TreeMap<>();

    StageTotals(String stage) {
        this.stage = stage;
    }

    void add(String currency, BigDecimal value, int probability) {
        count++;
        values.merge(currency, value, BigDecimal::add);
        weighted.merge(currency, WeightedValue.of(OpportunityStatus.OPEN, value, probability), BigDecimal::add);
    }

    StagePipeline toStage(int probability) {
        Map<String, BigDecimal> canonical = new TreeMap<>(values);
        canonical.replaceAll((currency, sum) -> AccountDraft.canonical(sum));
        return new StagePipeline(stage, probability, count, canonical, weighted);
    }

    /** Every configured stage in order, then the unconfigured ones that hold opportunities, by id. */
    static List<StagePipeline> of(List<PipelineStage> configured, Map<String, StageTotals> totals) {
        Map<String, StageTotals> left = new TreeMap<>(totals);
        List<StagePipeline> out = new ArrayList<>();
        for (PipelineStage s : configured) {
            StageTotals t = left.remove(s.id());
            out.add((t == null ? new StageTotals(s.id()) : t).toStage(s.probability()));
        }
        for (StageTotals t : left.values()) {
            out.add(t.toStage(-1));
        }
        return out;
    }
}
