package dev.heed.routing.sla;

/** What a due point means: a warning before the promise is broken, the breach itself, or a repeat after it. */
public enum DueStage { WARNING, BREACH, REPEAT }
