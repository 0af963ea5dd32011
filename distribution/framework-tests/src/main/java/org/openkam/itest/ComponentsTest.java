package org.openkam.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

/** Every Declarative Services component of every OpenKAM bundle is satisfied or active. */
@ExtendWith(ServiceExtension.class)
class ComponentsTest {

    static final String OPENKAM = "org.openkam.";

    @InjectService(timeout = 10_000)
    ServiceComponentRuntime scr;

    @Test
    void everyOpenKamComponentIsSatisfiedOrActive() throws InterruptedException {
        // Components activate asynchronously (configurations arrive, references come and go): give them time.
        List<String> problems = Await.until(Duration.ofSeconds(30), () -> {
            List<String> p = problems();
            return p.isEmpty() ? p : null;
        });
        if (problems == null) {
            problems = problems();
        }
        List<String> report = problems;
        assertTrue(report.isEmpty(), () -> "OpenKAM components not satisfied:\n" + String.join("\n", report));
    }

    @Test
    void theRegistryHasComponents() {
        // Guards the test above against passing on no component at all (e.g. a bundle without Service-Component).
        List<String> registry = openKamComponents().filter(d -> d.bundle.symbolicName.equals("org.openkam.registry"))
                .map(d -> d.name).collect(Collectors.toList());
        assertTrue(registry.contains("org.openkam.registry.internal.db.DatabaseComponent"),
                () -> "org.openkam.registry components found: " + registry);
    }

    private Stream<ComponentDescriptionDTO> openKamComponents() {
        return scr.getComponentDescriptionDTOs().stream().filter(d -> d.bundle.symbolicName.startsWith(OPENKAM));
    }

    private List<String> problems() {
        List<String> problems = new ArrayList<>();
        openKamComponents().forEach(d -> {
            String name = d.bundle.symbolicName + "/" + d.name;
            if (!scr.isComponentEnabled(d)) {
                if (d.defaultEnabled) {
                    problems.add("  " + name + ": disabled");
                }
                return;
            }
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            if (configurations.isEmpty()) {
                // Waiting for a configuration is the normal state of a component that requires one.
                if (!"require".equals(d.configurationPolicy) && d.factory == null) {
                    problems.add("  " + name + ": no component configuration");
                }
                return;
            }
            for (ComponentConfigurationDTO c : configurations) {
                if (c.state != ComponentConfigurationDTO.SATISFIED && c.state != ComponentConfigurationDTO.ACTIVE) {
                    problems.add("  " + name + " (configuration " + c.id + "): " + describe(c));
                }
            }
        });
        return problems;
    }

    private static String describe(ComponentConfigurationDTO c) {
        switch (c.state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                return "UNSATISFIED_CONFIGURATION (configuration pid(s) "
                        + String.join(", ", c.description.configurationPid) + ")";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                StringBuilder text = new StringBuilder("UNSATISFIED_REFERENCE");
                for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                    text.append("\n      reference '").append(r.name).append('\'');
                    Stream.of(c.description.references).filter(ref -> ref.name.equals(r.name)).findFirst()
                            .ifPresent(ref -> text.append(" to ").append(ref.interfaceName));
                    if (r.target != null) {
                        text.append(" target ").append(r.target);
                    }
                    text.append(" (").append(r.targetServices == null ? 0 : r.targetServices.length)
                            .append(" matching service(s))");
                }
                return text.toString();
            case ComponentConfigurationDTO.FAILED_ACTIVATION:
                return "FAILED_ACTIVATION: " + c.failure;
            default:
                return "state " + c.state;
        }
    }
}
