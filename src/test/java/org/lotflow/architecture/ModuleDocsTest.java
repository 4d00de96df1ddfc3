package org.lotflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stable form of the generated module documentation, without Spring: two orders, one text. */
class ModuleDocsTest {

    static final String PUML_ONE_RUN = """
            @startuml
            title Order
            Container_Boundary("b", "LotflowApplication", $tags="") {
              Component(App.Shared, "Shared")
              Component(App.Order, "Order")
              Component(App.Lot, "Lot")
            }

            Rel(App.Order, App.Shared, "uses")
            Rel(App.Lot, App.Shared, "depends on")
            Rel(App.Order, App.Lot, "listens to")

            SHOW_LEGEND(true)
            @enduml""";

    static final String PUML_NEXT_RUN = """
            @startuml
            title Order
            Container_Boundary("b", "LotflowApplication", $tags="") {
              Component(App.Lot, "Lot")
              Component(App.Shared, "Shared")
              Component(App.Order, "Order")
            }

            Rel(App.Order, App.Lot, "listens to")
            Rel(App.Order, App.Shared, "uses")
            Rel(App.Lot, App.Shared, "depends on")

            SHOW_LEGEND(true)
            @enduml""";

    static final String ADOC_ONE_RUN = """
            [%autowidth.stretch, cols="h,a"]
            |===
            |Spring components
            |_Services_

            * `o.l.o.Shipping`
            * `o.l.o.Deliveries`
            |Bean references
            |* `o.l.l.LotStock` (in Lot)
            * `o.l.h.LotHistory` (in History)
            * `o.l.l.LotService` (in Lot)
            |===
            """;

    static final String ADOC_NEXT_RUN = """
            [%autowidth.stretch, cols="h,a"]
            |===
            |Spring components
            |_Services_

            * `o.l.o.Deliveries`
            * `o.l.o.Shipping`
            |Bean references
            |* `o.l.l.LotService` (in Lot)
            * `o.l.l.LotStock` (in Lot)
            * `o.l.h.LotHistory` (in History)
            |===
            """;

    @Test
    void aDiagramWrittenInAnotherOrderIsTheSameText() {
        String stable = ModuleDocs.normalized("module-order.puml", PUML_ONE_RUN);
        assertThat(ModuleDocs.normalized("module-order.puml", PUML_NEXT_RUN)).isEqualTo(stable);
        assertThat(stable).isEqualTo("""
                @startuml
                title Order
                Container_Boundary("b", "LotflowApplication", $tags="") {
                  Component(App.Lot, "Lot")
                  Component(App.Order, "Order")
                  Component(App.Shared, "Shared")
                }

                Rel(App.Lot, App.Shared, "depends on")
                Rel(App.Order, App.Lot, "listens to")
                Rel(App.Order, App.Shared, "uses")

                SHOW_LEGEND(true)
                @enduml""");
    }

    @Test
    void aCanvasWrittenInAnotherOrderIsTheSameTextAndKeepsItsTableCells() {
        String stable = ModuleDocs.normalized("module-order.adoc", ADOC_ONE_RUN);
        assertThat(ModuleDocs.normalized("module-order.adoc", ADOC_NEXT_RUN)).isEqualTo(stable);
        assertThat(stable).isEqualTo("""
                [%autowidth.stretch, cols="h,a"]
                |===
                |Spring components
                |_Services_

                * `o.l.o.Deliveries`
                * `o.l.o.Shipping`
                |Bean references
                |* `o.l.h.LotHistory` (in History)
                * `o.l.l.LotService` (in Lot)
                * `o.l.l.LotStock` (in Lot)
                |===
                """);
    }

    @Test
    void theStableFormIsStable() {
        String puml = ModuleDocs.normalized("components.puml", PUML_NEXT_RUN);
        String adoc = ModuleDocs.normalized("module-lot.adoc", ADOC_NEXT_RUN);
        assertThat(ModuleDocs.normalized("components.puml", puml)).isEqualTo(puml);
        assertThat(ModuleDocs.normalized("module-lot.adoc", adoc)).isEqualTo(adoc);
        assertThat(ModuleDocs.normalized("notes.txt", PUML_NEXT_RUN)).as("other files as they are")
                .isEqualTo(PUML_NEXT_RUN);
    }
}
