package dev.podbot.stats;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategorySeriesLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a period's {@link ChargeStats} as a PNG for a phone screen: energy per day (week, month) or per month
 * (year) as stacked bars, one colour per charger, and the cost so far as a line on a second axis. 1200 × 800 px, the
 * project's colours (the web chat's blue and amber), large type, flat bars, no shadows or gradients: none of
 * JFreeChart's default look. Runs headless (no display needed); the PNG is well under Telegram's 10 MB.
 */
public final class StatsChart {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 800;

    static final Color BLUE = new Color(0x2b5278);
    static final Color AMBER = new Color(0xffb300);
    static final Color INK = new Color(0x27313b);
    static final Color MUTED = new Color(0x5f6e7c);
    static final Color GRID = new Color(0xdde5ec);
    static final Color PAPER = new Color(0xf6f9fb);
    /** One colour per charger: the project's blue first, then colours that stay apart from it and from the amber line. */
    static final List<Color> CHARGER_COLOURS = List.of(BLUE, new Color(0x4f9fd9), new Color(0x43a36b),
            new Color(0x9b6fcf), new Color(0xd9534f), new Color(0x8aa1b4));

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);

    static {
        // a bot runs on servers without a display; never let AWT look for one
        System.setProperty("java.awt.headless", "true");
    }

    private StatsChart() {
    }

    /** The chart as PNG bytes. */
    public static byte[] png(ChargeStats stats) {
        JFreeChart chart = chart(stats);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JFreeChart chart(ChargeStats stats) {
        StatsPeriod period = stats.period();
        DefaultCategoryDataset energy = new DefaultCategoryDataset();
        DefaultCategoryDataset cost = new DefaultCategoryDataset();
        List<LocalDate> buckets = period.buckets();
        List<ChargerRef> chargers = stats.chargers().isEmpty() ? List.of(new ChargerRef("Charger", null))
                : stats.chargers();
        long soFar = 0;
        for (LocalDate b : buckets) {
            for (ChargerRef c : chargers) {
                energy.addValue(stats.kwhOn(b, c), new SeriesKey(c.label(), chargers.indexOf(c)), b);
            }
            // the running total reads better than a zig-zag of daily costs, and ends at the period's cost
            soFar += stats.costByBucket().getOrDefault(b, 0L);
            cost.addValue(soFar / 100.0, "Cost so far", b);
        }

        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 24);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 21);
        Font title = new Font(Font.SANS_SERIF, Font.BOLD, 36);

        CategoryAxis x = new SparseLabelAxis(period);
        x.setTickLabelFont(small);
        x.setTickLabelPaint(MUTED);
        x.setAxisLineVisible(false);
        x.setTickMarksVisible(false);
        x.setCategoryMargin(period.kind() == StatsPeriod.Kind.MONTH ? 0.25 : 0.35);
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        x.setMaximumCategoryLabelLines(1);

        NumberAxis kwhAxis = new NumberAxis("kWh");
        styleNumberAxis(kwhAxis, label, small, new DecimalFormat("0.#"));
        NumberAxis moneyAxis = new NumberAxis(null);
        styleNumberAxis(moneyAxis, label, small,
                new DecimalFormat("'" + currencySymbol(stats.currency()).replace("'", "") + "'#,##0.00"));
        moneyAxis.setLabelPaint(new Color(0xb07800));
        moneyAxis.setTickLabelPaint(new Color(0xb07800));

        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setMaximumBarWidth(0.08);
        for (int i = 0; i < chargers.size(); i++) {
            bars.setSeriesPaint(i, CHARGER_COLOURS.get(i % CHARGER_COLOURS.size()));
        }
        bars.setLegendItemLabelGenerator(new StandardCategorySeriesLabelGenerator("{0}"));

        LineAndShapeRenderer line = new LineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, AMBER);
        line.setSeriesStroke(0, new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        line.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));

        CategoryPlot plot = new CategoryPlot(energy, x, kwhAxis, bars);
        plot.setDataset(1, cost);
        plot.setRangeAxis(1, moneyAxis);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, line);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(12, 8, 8, 8));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(null, title, plot, true);
        chart.setBackgroundPaint(PAPER);
        chart.setPadding(new RectangleInsets(20, 24, 16, 24));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle t = new TextTitle("Charging · " + period.label(), title);
        t.setPaint(BLUE);
        t.setHorizontalAlignment(HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(0, 8, 4, 0));
        chart.setTitle(t);
        TextTitle sub = new TextTitle(subtitle(stats), label);
        sub.setPaint(MUTED);
        sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
        sub.setPadding(new RectangleInsets(0, 8, 8, 0));
        chart.addSubtitle(sub);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(label);
        legend.setItemPaint(INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(PAPER);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 6, 2, 18));
        return chart;
    }

    private static String subtitle(ChargeStats s) {
        NumberFormat kwh = new DecimalFormat("#,##0.0");
        return kwh.format(s.kwh()) + " kWh · " + currencySymbol(s.currency())
                + String.format(Locale.ROOT, "%.2f", s.costMinor() / 100.0) + " · " + s.charges()
                + (s.charges() == 1 ? " charge" : " charges");
    }

    private static void styleNumberAxis(NumberAxis axis, Font label, Font small, NumberFormat format) {
        axis.setLabelFont(label);
        axis.setLabelPaint(MUTED);
        axis.setTickLabelFont(small);
        axis.setTickLabelPaint(MUTED);
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setNumberFormatOverride(format);
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setAutoRangeMinimumSize(1.0);
        axis.setUpperMargin(0.12);
    }

    static String currencySymbol(String currency) {
        return switch (currency == null ? "GBP" : currency.toUpperCase(Locale.ROOT)) {
            case "GBP" -> "£";
            case "EUR" -> "€";
            default -> currency + " ";
        };
    }

    /** A series key that keeps two chargers with the same name apart (the legend shows the name). */
    private record SeriesKey(String name, int index) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Day or month names under the bars: every day of a week ("Mon 23"), days 1, 5, 10, … of a month (thirty
     * labels do not fit a phone), every month of a year ("Jan").
     */
    private static final class SparseLabelAxis extends CategoryAxis {
        private static final long serialVersionUID = 1L;
        private final StatsPeriod period;

        SparseLabelAxis(StatsPeriod period) {
            super(null);
            this.period = period;
        }

        @Override
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            LocalDate d = (LocalDate) category;
            String text = switch (period.kind()) {
                case WEEK -> WEEKDAY.format(d);
                case YEAR -> MONTH.format(d);
                case MONTH -> d.getDayOfMonth() == 1 || d.getDayOfMonth() % 5 == 0 ? String.valueOf(d.getDayOfMonth())
                        : "";
            };
            return org.jfree.chart.text.TextUtils.createTextBlock(text, getTickLabelFont(category),
                    getTickLabelPaint(category));
        }
    }
}
