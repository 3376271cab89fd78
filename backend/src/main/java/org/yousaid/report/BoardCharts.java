package org.yousaid.report;

import jakarta.inject.Singleton;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.yousaid.response.LoopMetrics;

/**
 * The board report's charts, drawn with JFreeChart to PNG at twice the printed size. Each chart is
 * followed in the report by a table of the same figures, for readers who cannot see it.
 */
@Singleton
class BoardCharts {

    static final int WIDTH = 1000;
    /** GOV.UK-like colours with enough contrast on white. */
    static final Color BLUE = new Color(0x1d70b8);
    static final Color GREY = new Color(0xb1b4b6);
    static final Color GREEN = new Color(0x00703c);
    static final Color AMBER = new Color(0xf47738);
    static final Color RED = new Color(0xd4351c);

    private final StandardChartTheme theme;

    BoardCharts() {
        Font regular = font("/report/fonts/DejaVuSans.ttf");
        Font bold = font("/report/fonts/DejaVuSans-Bold.ttf");
        theme = new StandardChartTheme("YouSaid");
        theme.setExtraLargeFont(bold.deriveFont(26f));
        theme.setLargeFont(bold.deriveFont(20f));
        theme.setRegularFont(regular.deriveFont(18f));
        theme.setSmallFont(regular.deriveFont(16f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xdddddd));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
    }

    /** Words per theme, this quarter beside the one before; a withheld count reads "withheld", never as a bar of 0. */
    byte[] themes(List<BoardReport.ThemeRow> themes, String quarter, String previous) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> withheld = new HashSet<>();
        for (BoardReport.ThemeRow t : themes) {
            add(data, withheld, t.words(), quarter, t.name());
            add(data, withheld, t.previous(), previous, t.name());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "Words from families", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        theme.apply(chart);
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setSeriesPaint(0, BLUE);
        bars.setSeriesPaint(1, GREY);
        bars.setItemMargin(0.05);
        label(chart, bars, withheld);
        chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return png(chart, WIDTH, 140 + 70 * Math.max(1, themes.size()));
    }

    byte[] sentiment(BoardReport.Sentiment s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Set<String> withheld = new HashSet<>();
        add(data, withheld, s.positive(), "words", "Positive");
        add(data, withheld, s.mixed(), "words", "Mixed");
        add(data, withheld, s.negative(), "words", "Negative");
        JFreeChart chart = ChartFactory.createBarChart(null, null, "Words", data, PlotOrientation.HORIZONTAL, false, false, false);
        theme.apply(chart);
        BarRenderer bars = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return column == 0 ? GREEN : column == 1 ? GREY : RED;
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        chart.getCategoryPlot().setRenderer(bars);
        label(chart, bars, withheld);
        chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return png(chart, WIDTH, 300);
    }

    /** An indicator's recent values, with its target as a dashed line. */
    byte[] indicator(BoardReport.IndicatorSeries series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (LoopMetrics.PeriodValue v : series.values()) {
            data.addValue(v.value(), series.title(), v.period());
        }
        JFreeChart chart = ChartFactory.createLineChart(null, null, series.unit(), data, PlotOrientation.VERTICAL,
                false, false, false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        LineAndShapeRenderer line = (LineAndShapeRenderer) plot.getRenderer();
        line.setSeriesPaint(0, BLUE);
        line.setSeriesStroke(0, new BasicStroke(4f));
        line.setDefaultShapesVisible(true);
        if (series.target() != null) {
            ValueMarker target = new ValueMarker(series.target().value(), GREEN,
                    new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{12f, 8f}, 0f));
            target.setLabel("target " + BoardReportCsv.number(series.target().value()));
            target.setLabelFont(theme.getSmallFont());
            plot.addRangeMarker(target);
            double max = Math.max(series.target().value(), series.values().stream().mapToDouble(LoopMetrics.PeriodValue::value).max().orElse(0));
            plot.getRangeAxis().setUpperBound(max * 1.1 + 1);
        }
        plot.getRangeAxis().setLowerBound(0);
        return png(chart, WIDTH, 380);
    }

    /** A withheld count has no bar (0) and is remembered, so its label can say so. */
    private static void add(DefaultCategoryDataset data, Set<String> withheld, LoopMetrics.Count c, String series, String category) {
        boolean out = c.suppressed() || c.value() == null;
        data.addValue(out ? 0 : c.value(), series, category);
        if (out) {
            withheld.add(series + "\u0000" + category);
        }
    }

    /** Every bar carries its figure at its end; a withheld one the word "withheld" where the bar would be. */
    private void label(JFreeChart chart, BarRenderer bars, Set<String> withheld) {
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                if (withheld.contains(dataset.getRowKey(row) + "\u0000" + dataset.getColumnKey(column))) {
                    return "withheld";
                }
                Number n = dataset.getValue(row, column);
                return n == null ? null : String.format(java.util.Locale.UK, "%,d", n.longValue());
            }
        });
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(theme.getSmallFont());
        bars.setDefaultItemLabelPaint(new Color(0x0b0c0c));
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        chart.getCategoryPlot().getRangeAxis().setUpperMargin(0.2);
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        boolean nothing = true;
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number n = data.getValue(row, column);
                nothing &= n == null || n.doubleValue() == 0;
            }
        }
        if (nothing) {
            // Only zeros and withheld counts: an axis from 0 with no scale, so the labels sit where the bars start.
            chart.getCategoryPlot().getRangeAxis().setRange(0, 10);
            chart.getCategoryPlot().getRangeAxis().setTickLabelsVisible(false);
        }
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font font(String resource) {
        try (InputStream in = BoardCharts.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font unreadable: " + resource, e);
        }
    }
}
