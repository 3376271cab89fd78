package org.yousaid.tagging.engine;

/** Predicted sentiment, 1 (very positive) to 5 (very negative), with the model's confidence. */
public record SentimentScore(int value, double probability) {
}
