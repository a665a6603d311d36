package dev.heed.responder.respond;

/** Whether an input is done (its offset may be committed) or must be read again later. */
public enum Step { DONE, RETRY_LATER }
