/**
 * The topology's steps on the Processor API: dedupe, classify, escalate, the complaint clock and the state view.
 * They hold no business rule of their own (those are in {@code classify} and {@code sla}); they read stores,
 * call the rules and forward events built by {@code topology.event}.
 */
package dev.heed.routing.topology.processor;
