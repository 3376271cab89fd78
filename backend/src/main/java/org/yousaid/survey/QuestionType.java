package org.yousaid.survey;

import java.util.Arrays;

/**
 * The kinds of question a survey definition may ask, as its JSON Schema names them
 * ({@code mobile-api-spec/schemas/survey-definition.schema.json}). Switches over this are exhaustive,
 * so a new kind cannot be forgotten in answers or results.
 */
public enum QuestionType {
    SINGLE_CHOICE("single_choice"),
    MULTIPLE_CHOICE("multiple_choice"),
    LIKERT("likert"),
    I_STATEMENT("i_statement"),
    NUMBER("number"),
    DATE("date"),
    FREE_TEXT("free_text"),
    EQUIPMENT_ITEM("equipment_item");

    private final String wire;

    QuestionType(String wire) {
        this.wire = wire;
    }

    /** The name the definition and the API use. */
    public String wire() {
        return wire;
    }

    /** A definition's type; definitions are checked against the schema before they are stored. */
    public static QuestionType of(String wire) {
        QuestionType type = wire == null ? null : BY_WIRE.get(wire);
        if (type == null) {
            throw new IllegalArgumentException("not a question type of the survey definition schema: " + wire);
        }
        return type;
    }

    // Looked up for every question of every answer sent: a map, not a scan.
    private static final java.util.Map<String, QuestionType> BY_WIRE = Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(QuestionType::wire, t -> t));

    /** Answered 1 (strongly disagree) to 5 (strongly agree). */
    public boolean agreeScale() {
        return this == LIKERT || this == I_STATEMENT;
    }

    /** Answered by choosing among the question's options. */
    public boolean choice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
