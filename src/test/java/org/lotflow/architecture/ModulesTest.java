package org.lotflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lotflow.LotflowApplication;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are Spring Modulith modules: no cycles between them, and no module reaches
 * into another's internals. A newcomer reads the lot lifecycle from the module names.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LotflowApplication.class);

    @Test
    void modulesHaveNoCyclesAndRespectEachOthersInternals() {
        MODULES.verify();
    }

    @Test
    void theLifecycleIsReadableFromTheModuleNames() {
        assertThat(MODULES.stream().map(ApplicationModule::getName))
                .contains("product", "lot", "release", "history", "security");
    }
}
