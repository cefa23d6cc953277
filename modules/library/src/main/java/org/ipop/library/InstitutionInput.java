package org.ipop.library;

/** An operator's registration of an institution: its name as on its patents, and its type ({@link ApplicantType}). */
public record InstitutionInput(String name, String type) {
}
