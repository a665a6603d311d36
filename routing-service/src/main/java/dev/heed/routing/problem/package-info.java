/** Known problems: complaints linked to one cause, and the one resolution every linked customer is told. Plain Java. */
package dev.heed.routing.problem;
