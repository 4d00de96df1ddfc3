package org.lotflow.console.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.trace.Trace;

/**
 * A lot's genealogy both ways as one flow picture (an ECharts Sankey): upstream the source lots it was
 * made from, then the lot, downstream the lots made from it and the customers who received any of them, each
 * link as wide as its quantity (genealogy: the quantity of the source that went into the made lot; shipments:
 * the quantity shipped of that lot to that customer, all its shipments added). Built from the trace service's
 * two answers only, so the picture shows what {@code GET /api/lots/{n}/trace} answers, {@code truncated}
 * included.
 *
 * <p>Node ids are prefixed ({@code lot:}, {@code customer:}; a customer's id in lower case, so one customer whose
 * orders wrote it in other capitals is one node, named as first met) so a customer named like a lot stays apart; the
 * {@code label} is what the picture writes. Categories: {@code upstream}, {@code lot} (the lot itself),
 * {@code downstream}, {@code customer}.
 */
public final class GenealogyPicture {

    private GenealogyPicture() {
    }

    /** A box of the picture. {@code detail}: product, status and quantity, for the tooltip. */
    public record Node(String name, String label, String category, String detail) {
    }

    /** A flow: {@code value} of {@code source} went into (or was shipped to) {@code target}, in {@code unit}. */
    public record Link(String source, String target, BigDecimal value, String unit) {
    }

    /** The picture: boxes, flows, and whether either trace was cut at the depth bound. */
    public record Picture(String lotNumber, List<Node> nodes, List<Link> links, boolean truncated) {
    }

    public static Picture of(Trace upstream, Trace downstream) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Link> links = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        String self = upstream.lotNumber();
        for (Trace.TracedLot l : upstream.lots()) {
            units.put(l.lotNumber(), l.unit());
            nodes.putIfAbsent("lot:" + l.lotNumber(), lotNode(l, l.lotNumber().equals(self) ? "lot" : "upstream"));
            for (Trace.Link k : l.quantityPath()) {
                addLink(links, "lot:" + k.from(), "lot:" + k.to(), k.quantity(), l.unit());
            }
        }
        for (Trace.TracedLot l : downstream.lots()) {
            units.put(l.lotNumber(), l.unit());
            nodes.putIfAbsent("lot:" + l.lotNumber(), lotNode(l, l.lotNumber().equals(self) ? "lot" : "downstream"));
        }
        for (Trace.TracedLot l : downstream.lots()) {
            for (Trace.Link k : l.quantityPath()) {
                addLink(links, "lot:" + k.from(), "lot:" + k.to(), k.quantity(), units.get(k.from()));
            }
        }
        for (Trace.CustomerShipment s : downstream.customers()) {
            // one customer whatever the capitals its orders were written in, as the recall counts it (new user U10)
            String id = "customer:" + s.customer().toLowerCase(java.util.Locale.ROOT);
            nodes.putIfAbsent(id, new Node(id, s.customer(), "customer", "customer"));
            Link before = links.get("lot:" + s.lotNumber() + "->" + id);
            BigDecimal sum = before == null ? s.quantity() : before.value().add(s.quantity());
            links.put("lot:" + s.lotNumber() + "->" + id, new Link("lot:" + s.lotNumber(), id, sum,
                    units.get(s.lotNumber())));
        }
        links.values().removeIf(k -> !nodes.containsKey(k.source()) || !nodes.containsKey(k.target()));
        return new Picture(self, new ArrayList<>(nodes.values()), new ArrayList<>(links.values()),
                upstream.truncated() || downstream.truncated());
    }

    private static void addLink(Map<String, Link> links, String from, String to, BigDecimal quantity, String unit) {
        links.putIfAbsent(from + "->" + to, new Link(from, to, quantity, unit));
    }

    private static Node lotNode(Trace.TracedLot l, String category) {
        return new Node("lot:" + l.lotNumber(), l.lotNumber(), category, l.sku() + " · " + l.status() + " · "
                + l.quantity().stripTrailingZeros().toPlainString() + " " + l.unit());
    }
}
