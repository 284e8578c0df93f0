/**
 * What an evaluation writes: {@code summary.json}, the CSV tables ({@code days.csv},
 * {@code hours.csv}, {@code deviation.csv}) and a self-contained {@code report.html} whose
 * charts are PNG images (drawn with XChart) embedded as base64, all written into a temporary
 * directory and renamed into place so that a reader never sees a half-written evaluation.
 */
package org.hubprice.evaluation.report;
