/**
 * Account scoring. Vendors implement {@link org.openkam.api.scoring.ScoringModel} (the only type here they
 * implement) and register it as an OSGi service; the scoring engine calls it with {@link
 * org.openkam.api.scoring.AccountFacts} and stores the {@link org.openkam.api.scoring.Score} it returns.
 * {@link org.openkam.api.scoring.Scoring} is the engine's service for other bundles: model states, rescoring
 * jobs and stored scores.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.openkam.api.scoring;
