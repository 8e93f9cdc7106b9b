import type { BoundService, ServiceContext } from '../../platform/service-context.ts'
import type { downloadAnnualEvaluation, narrativeFor, saveNarrative, viewAnnualEvaluation, viewParticipation } from './evaluation-service.ts'
import type { isDrillableFigure, mayDrill, referralsBehindFigure } from './drill-down-service.ts'
import type { bringReportFactsUpToDate, downloadQuarterlyReturn, reportsToday, viewQuarterlyReturn } from './reports-service.ts'

/** The reports' service, as their pages call it: bound in src/composition.ts. */
export type ReportsService = BoundService<
  {
    viewQuarterlyReturn: typeof viewQuarterlyReturn
    downloadQuarterlyReturn: typeof downloadQuarterlyReturn
    reportsToday: typeof reportsToday
    bringReportFactsUpToDate: typeof bringReportFactsUpToDate
    viewParticipation: typeof viewParticipation
    viewAnnualEvaluation: typeof viewAnnualEvaluation
    downloadAnnualEvaluation: typeof downloadAnnualEvaluation
    narrativeFor: typeof narrativeFor
    saveNarrative: typeof saveNarrative
    mayDrill: typeof mayDrill
    isDrillableFigure: typeof isDrillableFigure
    referralsBehindFigure: typeof referralsBehindFigure
  },
  ServiceContext
>
