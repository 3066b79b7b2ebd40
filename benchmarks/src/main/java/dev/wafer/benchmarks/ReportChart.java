package dev.wafer.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Writes docs/benchmarks.png: seal and open of 256 B per provider and algorithm beside the floor and the
 * peers (above), and sign and verify of a JWT per provider beside the bare primitives and the peers
 * (below); medians, log scale, since the peers are an order of magnitude away.
 */
final class ReportChart {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 620;

    private ReportChart() {
    }

    /** Writes the chart; false (and no file) when this run measured nothing it draws. */
    static boolean write(Results r, Path png) throws IOException {
        List<CategoryChart> charts = new ArrayList<>();
        for (CategoryChart c : List.of(sealing(r), tokens(r))) {
            if (!c.getSeriesMap().isEmpty()) {
                charts.add(c);
            }
        }
        if (charts.isEmpty()) {
            return false;
        }
        BitmapEncoder.saveBitmap(charts, charts.size(), 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        return true;
    }

    private static CategoryChart sealing(Results r) {
        String p = Plan.TARGET_PAYLOAD;
        List<String> names = new ArrayList<>();
        List<Double> seal = new ArrayList<>();
        List<Double> open = new ArrayList<>();
        add(names, seal, open, "floor (JDK)", r.floor("seal", p, 1), r.floor("open", p, 1), 1);
        for (String provider : r.providers()) {
            for (String alg : Plan.SEAL_ALGORITHMS) {
                add(names, seal, open, provider + " " + ReportWriter.label(alg), r.seal("seal", provider, alg, p, 1),
                        r.seal("open", provider, alg, p, 1), 1);
            }
        }
        add(names, seal, open, "Nimbus JWE", r.find(Results.NIMBUS_JWE, "seal", 1, "payload", p),
                r.find(Results.NIMBUS_JWE, "open", 1, "payload", p), 1);
        add(names, seal, open, "JJWT JWE", r.find(Results.JJWT_JWE, "seal", 1, "payload", p),
                r.find(Results.JJWT_JWE, "open", 1, "payload", p), 1);
        CategoryChart c = chart("Seal and open a " + p + "-byte cookie value (median ns/op, log scale; lower is better)",
                "ns/op");
        series(c, "seal", names, seal);
        series(c, "open", names, open);
        return c;
    }

    private static CategoryChart tokens(Results r) {
        List<String> names = new ArrayList<>();
        List<Double> sign = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        for (String alg : Plan.SIGN_ALGORITHMS) {
            String a = ReportWriter.label(alg);
            add(names, sign, verify, a + " bare JDK", r.primitive("sign", "jdk", alg, 1),
                    r.primitive("verify", "jdk", alg, 1), 1000);
            add(names, sign, verify, a + " bare BC", r.primitive("sign", "bc", alg, 1),
                    r.primitive("verify", "bc", alg, 1), 1000);
            for (String provider : r.providers()) {
                add(names, sign, verify, a + " " + provider, r.token("sign", provider, alg, 1),
                        r.token("verify", provider, alg, 1), 1000);
            }
            add(names, sign, verify, a + " Nimbus", r.find(Results.NIMBUS_JWS, "sign", 1, "algorithm", alg),
                    r.find(Results.NIMBUS_JWS, "verify", 1, "algorithm", alg), 1000);
            add(names, sign, verify, a + " JJWT", r.find(Results.JJWT_JWS, "sign", 1, "algorithm", alg),
                    r.find(Results.JJWT_JWS, "verify", 1, "algorithm", alg), 1000);
        }
        CategoryChart c = chart("Sign and verify a 5-claim JWT, RSA 2048 (median µs/op, log scale; lower is better)",
                "µs/op");
        series(c, "sign", names, sign);
        series(c, "verify", names, verify);
        return c;
    }

    private static void add(List<String> names, List<Double> a, List<Double> b, String name, Optional<Measurement> ma,
                            Optional<Measurement> mb, double nsPerUnit) {
        if (ma.isEmpty() && mb.isEmpty()) {
            return;
        }
        names.add(name);
        // A missing half is drawn as no bar (null): a zero-height bar cannot sit on a log axis.
        a.add(ma.map(m -> m.medianNs() / nsPerUnit).orElse(null));
        b.add(mb.map(m -> m.medianNs() / nsPerUnit).orElse(null));
    }

    private static CategoryChart chart(String title, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        CategoryStyler s = c.getStyler();
        s.setYAxisLogarithmic(true);
        s.setXAxisLabelRotation(40);
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setSeriesColors(new Color[] {new Color(0x1f77b4), new Color(0xff7f0e)});
        s.setYAxisDecimalPattern("#,##0.#");
        s.setAvailableSpaceFill(0.7);
        s.setOverlapped(false);
        return c;
    }

    private static void series(CategoryChart c, String name, List<String> names, List<Double> values) {
        if (names.isEmpty()) {
            return;
        }
        c.addSeries(name, names, values);
        // Bars start at the axis minimum, which a log axis must be told: the decade below the lowest bar.
        double lowest = values.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).min()
                .orElse(1);
        double floor = Math.pow(10, Math.floor(Math.log10(lowest)));
        Double current = c.getStyler().getYAxisMin();
        c.getStyler().setYAxisMin(current == null ? floor : Math.min(current, floor));
    }
}
