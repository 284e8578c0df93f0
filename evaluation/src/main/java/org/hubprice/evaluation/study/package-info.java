/**
 * The paper's study as data: the plan ({@link org.hubprice.evaluation.study.StudyPlan}: cells,
 * seeds, budget, tasks), one finished run's small summary
 * ({@link org.hubprice.evaluation.study.RunSummary}), and the results page generated from the
 * summaries ({@link org.hubprice.evaluation.study.StudyReport}), including the runs continued past
 * the budget and the runs' play on the market node's own held-out days. The CLI's {@code study}
 * commands run, summarise and continue the tasks.
 */
package org.hubprice.evaluation.study;
