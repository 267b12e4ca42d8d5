package org.racemu.jce;

/**
 * racemu's explanation of a refusal (what is missing and the RACF commands that would grant
 * it), chained as the cause of the IOException whose message is IBM's text.
 */
public final class RacemuHint extends Exception {
    private static final long serialVersionUID = 1L;

    /** A hint with racemu's sentence as its message. */
    public RacemuHint(String hint) {
        super(hint);
    }
}
