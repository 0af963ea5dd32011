package org.openkam.api.scoring;

import org.openkam.api.unit.UnitEnablement;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scoring model, registered as an OSGi service. The engine runs every model instance enabled for a
 * business unit over the unit's accounts.
 *
 * <p><b>Enabling per business unit.</b> An instance is enabled for the units named in its {@value
 * #BUSINESS_UNIT} service property (a text or an array of texts; {@code *} stands for every unit that has no
 * instance of its own). An instance without the property is installed but enabled nowhere. The usual way is a
 * Declarative Services component with a factory configuration per unit: its properties, the unit included,
 * become the instance's service properties, and its parameters are that unit's parameters. An instance whose
 * {@code enabled} property is {@code false} switches the model off for the units it names instead, also where an
 * instance for {@code *} would enable it; so one unit can opt out of a model enabled for every unit. A model need
 * not declare the property: the engine reads it from the service. The engine decides by {@link UnitEnablement},
 * the rule every plugin shares.
 *
 * <p><b>Rules for implementations.</b> {@link #score} must be a pure function of the facts: fast (the engine
 * gives each call a time budget, 2 seconds by default), free of I/O and of shared mutable state, safe to call
 * from several threads. Every fact but the account's id, unit and portfolio may be {@code null} (unknown):
 * leave an unknown fact out of the score and say so in the contributions rather than reading it as zero.
 * A model that throws, returns an invalid score, or exceeds its budget counts as failing; one that exceeds its
 * budget, or fails several calls in a row, is quarantined: the engine stops calling it until an administrator
 * releases it or a new version is installed.
 */
@ConsumerType
public interface ScoringModel {

    /** The service property naming the business unit(s) an instance is enabled for. */
    String BUSINESS_UNIT = UnitEnablement.BUSINESS_UNIT;

    /** Enables an instance for every business unit that has no instance of the same model of its own. */
    String EVERY_UNIT = UnitEnablement.EVERY_UNIT;

    /**
     * The model's stable id, lower case words joined by hyphens (e.g. {@code abc-analysis}, or with a vendor
     * prefix {@code acme.churn-risk}); stored with every score.
     */
    String id();

    /** The model's version, stored with every score so that scores of different versions can be told apart. */
    String version();

    /** What the model rates, by which criteria and with which parameters, for people to read. */
    ModelDescription description();

    /**
     * Scores one account.
     *
     * @return the score, or {@code null} if the facts lack what the model needs (e.g. no potential for a
     *         share-of-wallet model); the engine records that the account could not be scored
     */
    Score score(AccountFacts facts);
}
