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
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
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

    /** Words per theme, this quarter beside the one before (withheld counts are left out). */
    byte[] themes(List<BoardReport.ThemeRow> themes, String quarter, String previous) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BoardReport.ThemeRow t : themes) {
            data.addValue(value(t.words()), quarter, t.name());
            data.addValue(value(t.previous()), previous, t.name());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "Words from families", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        theme.apply(chart);
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setSeriesPaint(0, BLUE);
        bars.setSeriesPaint(1, GREY);
        bars.setItemMargin(0.05);
        chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return png(chart, WIDTH, 140 + 70 * Math.max(1, themes.size()));
    }

    byte[] sentiment(BoardReport.Sentiment s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(value(s.positive()), "words", "Positive");
        data.addValue(value(s.mixed()), "words", "Mixed");
        data.addValue(value(s.negative()), "words", "Negative");
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

    private static Number value(LoopMetrics.Count c) {
        return c.suppressed() || c.value() == null ? null : c.value();
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
