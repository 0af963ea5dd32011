package org.openkam.scoring.internal.selection;

import org.openkam.scoring.internal.model.PortfolioMatrixModel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * How many key accounts a business unit wants, and which model's portfolio decides. One factory configuration
 * per unit; without one, the unconfigured instance's defaults (15 to 35, the portfolio matrix) apply.
 */
@Component(service = KeyAccountTarget.class, configurationPid = KeyAccountTarget.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = KeyAccountTarget.Config.class, factory = true)
public final class KeyAccountTarget {

    public static final String PID = "org.openkam.scoring.selection";

    @ObjectClassDefinition(name = "OpenKAM scoring: key account selection",
            description = "The number of key accounts a business unit wants, for the key account recommendations")
    public @interface Config {

        @AttributeDefinition(name = "Business unit", description = "The id of the business unit; * for every unit "
                + "without a configuration of its own")
        String businessUnit();

        @AttributeDefinition(name = "Fewest key accounts", min = "0")
        int target_min() default 15;

        @AttributeDefinition(name = "Most key accounts", min = "0")
        int target_max() default 35;

        @AttributeDefinition(name = "Portfolio model", description = "The id of the model whose matrix cells decide")
        String model() default PortfolioMatrixModel.ID;
    }

    private final String businessUnit;
    private final int min;
    private final int max;
    private final String model;

    @Activate
    public KeyAccountTarget(Config config) {
        this(config.businessUnit(), config.target_min(), config.target_max(), config.model());
    }

    public KeyAccountTarget(String businessUnit, int min, int max, String model) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("the key account target must satisfy 0 <= min <= max");
        }
        this.businessUnit = businessUnit == null || businessUnit.isBlank() ? null : businessUnit.strip();
        this.min = min;
        this.max = max;
        this.model = model == null || model.isBlank() ? PortfolioMatrixModel.ID : model.strip();
    }

    /** The unit this target is for, {@code *} for every unit, or {@code null} for the unconfigured default. */
    public String businessUnit() {
        return businessUnit;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String model() {
        return model;
    }
}
