package network.clinic.booking.web;

/** One invalid field: its JSON path (e.g. {@code patient.email}) and what is wrong, never its value. */
public record FieldProblem(String field, String message) {}
