-- Indicators YouSaid computes from its own data (null: values are entered by commissioners):
-- {"measure": "equipment_within_target" | "i_statement_agreement" | "survey_item_agreement" | "themes_answered",
--  "surveyId": uuid, "questionId": text, "statement": text}.
alter table indicators add column computed jsonb;
