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
 * {@code label} names the box, {@code caption} is what the picture writes beside it (a lot with its quantity). Categories:
 * {@code upstream}, {@code lot} (the lot itself), {@code downstream}, {@code customer}, and {@code kept}: the part of
 * the lot itself and of each lot made from it that was neither shipped to a customer nor used in another lot (on hand
 * or disposed of: {@code quantity - consumed - } its shipments), drawn as a band of its own, so a lot whose only flow is
 * one shipment is not drawn as if all of it went to that customer (new user 27 N8: 65 of 500 drums shipped was drawn
 * as the whole lot). Drawn only beside another flow: a lot with no flow at all has no picture.
 */
public final class GenealogyPicture {

    private GenealogyPicture() {
    }

    /**
     * A box of the picture. {@code detail}: product, status and quantity (a kept part: what it is made of), for the
     * tooltip; {@code caption}: the text beside the box.
     */
    public record Node(String name, String label, String category, String detail, String caption) {
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
            nodes.putIfAbsent(id, new Node(id, s.customer(), "customer", "customer", s.customer()));
            Link before = links.get("lot:" + s.lotNumber() + "->" + id);
            BigDecimal sum = before == null ? s.quantity() : before.value().add(s.quantity());
            links.put("lot:" + s.lotNumber() + "->" + id, new Link("lot:" + s.lotNumber(), id, sum,
                    units.get(s.lotNumber())));
        }
        links.values().removeIf(k -> !nodes.containsKey(k.source()) || !nodes.containsKey(k.target()));
        if (!links.isEmpty()) {
            for (Trace.TracedLot l : downstream.lots()) {
                addKept(nodes, links, l, downstream.customers());
            }
        }
        return new Picture(self, new ArrayList<>(nodes.values()), new ArrayList<>(links.values()),
                upstream.truncated() || downstream.truncated());
    }

    private static void addLink(Map<String, Link> links, String from, String to, BigDecimal quantity, String unit) {
        links.putIfAbsent(from + "->" + to, new Link(from, to, quantity, unit));
    }

    private static Node lotNode(Trace.TracedLot l, String category) {
        return new Node("lot:" + l.lotNumber(), l.lotNumber(), category, l.sku() + " · " + l.status() + " · "
                + qty(l.quantity()) + " " + l.unit(), l.lotNumber() + " · " + qty(l.quantity()) + " " + l.unit());
    }

    /**
     * The part of a lot neither shipped nor used in another lot, as a band of its own: its quantity less what went
     * into other lots and every shipment of it (goods that came back from a customer stay in that customer's band,
     * where they were shipped to). Nothing when there is none.
     */
    private static void addKept(Map<String, Node> nodes, Map<String, Link> links, Trace.TracedLot l,
            List<Trace.CustomerShipment> shipments) {
        if (!nodes.containsKey("lot:" + l.lotNumber()) || l.quantity() == null) {
            return;
        }
        BigDecimal shipped = shipments.stream().filter(s -> s.lotNumber().equals(l.lotNumber()))
                .map(Trace.CustomerShipment::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal kept = l.quantity().subtract(zero(l.consumed())).subtract(shipped);
        if (kept.signum() <= 0) {
            return;
        }
        BigDecimal onHand = zero(l.onHand());
        BigDecimal disposed = zero(l.disposed());
        BigDecimal allocated = zero(l.allocated());
        String label = disposed.signum() == 0 ? "At the plant"
                : onHand.signum() == 0 ? "Disposed of" : "At the plant or disposed of";
        String unit = " " + l.unit();
        String caption = label + ": " + qty(kept) + unit
                + (allocated.signum() > 0 ? " (" + qty(allocated) + " of it allocated)" : "");
        BigDecimal back = shipped.subtract(zero(l.shipped()));
        String detail = l.lotNumber() + ", not shipped: on hand " + qty(onHand) + unit
                + (allocated.signum() > 0 ? " (" + qty(allocated) + " allocated to orders)" : "")
                + ", disposed of " + qty(disposed) + unit
                + (back.signum() > 0 ? "; " + qty(back) + unit + " came back from customers: drawn with them,"
                        + " where they were shipped" : "");
        String id = "kept:" + l.lotNumber();
        nodes.put(id, new Node(id, label, "kept", detail, caption));
        links.put("lot:" + l.lotNumber() + "->" + id, new Link("lot:" + l.lotNumber(), id, kept, l.unit()));
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String qty(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
