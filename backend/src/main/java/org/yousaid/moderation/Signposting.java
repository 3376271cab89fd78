package org.yousaid.moderation;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.UUID;
import org.yousaid.area.AreaSettingsService;
import org.yousaid.content.ContentType;
import org.yousaid.content.Signpost;

/**
 * What the author of a text that raised a safeguarding concern is shown instead of silence: where
 * to turn now. It never says the text was flagged, nor what a forum lead did.
 */
@Singleton
public class Signposting {

    static final String MESSAGE = "Thank you for telling us. A member of the Parent Carer Forum will read what you wrote. "
            + "If you or your child are in danger now, call 999. You can also talk to someone today:";

    private final SafeguardingService safeguarding;
    private final AreaSettingsService settings;

    Signposting(SafeguardingService safeguarding, AreaSettingsService settings) {
        this.safeguarding = safeguarding;
        this.settings = settings;
    }

    /** One query for a page of texts: the signpost of each that raised a concern, by id. */
    public Map<UUID, Signpost> forContents(String areaId, ContentType type, Collection<UUID> ids) {
        Set<UUID> concerned = safeguarding.raisedConcern(areaId, type, ids);
        if (concerned.isEmpty()) {
            return Map.of();
        }
        Signpost signpost = new Signpost(MESSAGE, settings.supportLines(areaId));
        return concerned.stream().collect(Collectors.toMap(Function.identity(), id -> signpost));
    }
}
