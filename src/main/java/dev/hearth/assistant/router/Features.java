package dev.hearth.assistant.router;

/**
 * One text as the classifier sees it: the (weighted) embedding and the sparse, weighted,
 * unit-length lexical part.
 */
record Features(float[] dense, int[] columns, float[] values) {

}
