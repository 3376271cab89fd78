package org.yousaid.report;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.yousaid.response.LoopMetrics;

/**
 * A quarter's report to the SEND Improvement Board (seed 003: the graffiti wall is reported to it
 * quarterly): what families raised and how it moved, how they felt, safeguarding as numbers only,
 * what surveys found, what was answered and done, and whether anyone is better off. Every count of
 * families, their words, answers or cases is published by one rule ({@link org.yousaid.shared.CountTable}):
 * 1 to 4 is withheld, and so is whatever would let a withheld count be worked out from a total.
 */
public record BoardReport(String areaId, String areaName, String quarter, String previousQuarter, LocalDate from, LocalDate to,
                   Instant generatedAt, LoopMetrics.Count words, LoopMetrics.Count families, List<ThemeRow> themes,
                   Sentiment sentiment, Safeguarding safeguarding, List<SurveyRow> surveys,
                   @Nullable EquipmentRow equipment, List<ResponseRow> responses, ActionTotals actions,
                   LoopMetrics loop, List<LoopMetrics.IndicatorTrend> indicators, List<IndicatorSeries> series) {

    /** A theme's words this quarter and the one before, families behind them, and the share of its words that were negative. */
    public record ThemeRow(String id, String name, LoopMetrics.Count words, LoopMetrics.Count previous, @Nullable Long change,
                    LoopMetrics.Count families, LoopMetrics.Share negative) {
    }

    /** Words by how they read: positive (sentiment 1–2), mixed (3), negative (4–5), not yet analysed. */
    public record Sentiment(LoopMetrics.Count positive, LoopMetrics.Count mixed, LoopMetrics.Count negative,
                     LoopMetrics.Count unknown) {
    }

    /** Flags raised in the quarter and what became of them; never what anyone wrote. */
    public record Safeguarding(LoopMetrics.Count flagged, LoopMetrics.Count handled, LoopMetrics.Count escalated,
                        LoopMetrics.Count waitingNow, @Nullable Double medianHoursToHandle) {
    }

    public record QuestionRow(String id, String text, String type, LoopMetrics.Share agreement) {
    }

    public record SurveyRow(String title, String kind, LoopMetrics.Count answers, List<QuestionRow> questions) {
    }

    public record EquipmentRow(LoopMetrics.Count delivered, LoopMetrics.Share withinTarget) {
    }

    public record ActionRow(String text, String owner, LocalDate dueOn, String status, int progress) {
    }

    public record ResponseRow(String title, List<String> themes, LoopMetrics.Count families, @Nullable Instant publishedAt, boolean updated,
                       List<ActionRow> actions) {
    }

    /** Actions of every published response, by status now, and how many are past due and not done. */
    public record ActionTotals(long planned, long inProgress, long done, long notPossible, long overdue) {
    }

    /** An indicator's recent values, for its chart. */
    public record IndicatorSeries(String title, String unit, List<LoopMetrics.PeriodValue> values, @Nullable LoopMetrics.PeriodValue target) {
    }
}
