-- Families' words of an area in time order, whatever their review state: loop metrics and the board
-- report find the first words on a theme in a response's period, and count a quarter's words.
create index moderation_items_by_time on moderation_items (area_id, submitted_at);
