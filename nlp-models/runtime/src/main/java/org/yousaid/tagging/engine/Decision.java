package org.yousaid.tagging.engine;

/**
 * Which labels a text gets: those at or above their threshold. Every comment is about something, so
 * when none clears its bar the label nearest to its bar is given, provided it reaches
 * {@code fallbackRatio} of it (tuned in training; a huge ratio switches the rule off).
 */
final class Decision {

    private Decision() {
    }

    static boolean[] give(double[] p, double[] thresholds, double fallbackRatio) {
        boolean[] given = new boolean[p.length];
        boolean any = false;
        int best = -1;
        double bestRatio = -1;
        for (int l = 0; l < p.length; l++) {
            given[l] = p[l] >= thresholds[l];
            any |= given[l];
            double ratio = p[l] / thresholds[l];
            if (ratio > bestRatio) {
                bestRatio = ratio;
                best = l;
            }
        }
        if (!any && best >= 0 && bestRatio >= fallbackRatio) {
            given[best] = true;
        }
        return given;
    }
}
