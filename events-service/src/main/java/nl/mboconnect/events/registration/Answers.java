package nl.mboconnect.events.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.mboconnect.events.event.Event;
import nl.mboconnect.events.event.Question;
import nl.mboconnect.platform.domain.Violation;

/**
 * The answers to an event's own questions: required ones answered, choices among the options, no
 * answer longer than {@link Question#MAX_ANSWER_LENGTH}, no answer to a question the event does not ask.
 *
 * @param answers    as kept: stripped, blank ones left out
 * @param violations what is wrong, by field ({@code answers.<question>})
 */
record Answers(Map<String, String> answers, List<Violation> violations) {

    static Answers check(Event event, Map<String, String> given) {
        Map<String, String> answers = given == null ? Map.of() : given;
        List<Violation> violations = new ArrayList<>();
        Map<String, String> clean = new LinkedHashMap<>();
        List<Question> questions = event.details().attendance().questions();
        for (String id : answers.keySet()) {
            if (questions.stream().noneMatch(question -> question.id().equals(id))) {
                violations.add(new Violation("answers." + id, "unknown-question", "this event asks no question " + id));
            }
        }
        for (Question question : questions) {
            String answer = answers.get(question.id());
            String field = "answers." + question.id();
            if (answer == null || answer.isBlank()) {
                if (question.required()) {
                    violations.add(new Violation(field, "required", "this question needs an answer"));
                }
                continue;
            }
            answer = answer.strip();
            if (answer.length() > Question.MAX_ANSWER_LENGTH) {
                violations.add(new Violation(field, "too-long",
                        "an answer has at most " + Question.MAX_ANSWER_LENGTH + " characters"));
            } else if (question.type() == Question.Type.CHOICE && !question.options().contains(answer)) {
                violations.add(new Violation(field, "not-an-option", "choose one of the options"));
            } else {
                clean.put(question.id(), answer);
            }
        }
        return new Answers(clean, violations);
    }
}
