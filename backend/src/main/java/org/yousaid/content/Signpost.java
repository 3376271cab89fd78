package org.yousaid.content;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.yousaid.area.SupportLine;

/**
 * What the author of a text that raised a safeguarding concern is shown instead of silence: where
 * to turn now. It never says the text was flagged, nor what a forum lead did.
 */
@Serdeable
public record Signpost(String message, List<SupportLine> supportLines) {
}
