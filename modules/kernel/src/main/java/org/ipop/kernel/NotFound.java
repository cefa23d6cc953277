package org.ipop.kernel;

/**
 * A thing that does not exist for the current tenant. Another tenant's record is "not found", never
 * "forbidden": the answer must not reveal that the id exists elsewhere.
 */
public final class NotFound extends RuntimeException {

    private final String kind;
    private final String id;

    public NotFound(String kind, String id) {
        super(kind + " '" + id + "' was not found.");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
