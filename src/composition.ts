import type { Kysely } from 'kysely'
import type { Config } from './config.ts'
import * as adminAccounts from './features/admin/accounts-service.ts'
import * as adminFirstStart from './features/admin/first-start-service.ts'
import * as adminPasswords from './features/admin/passwords-service.ts'
import { acknowledgeRoleGrant, roleGrants, roleGrantsWaiting } from './features/admin/role-grants-service.ts'
import type { AdminContext, AdminService } from './features/admin/service.ts'
import * as adminTeams from './features/admin/teams-service.ts'
import * as advocateAbsences from './features/advocates/absences-service.ts'
import * as advocateKnownFamilies from './features/advocates/known-families-service.ts'
import * as advocateMatchingPool from './features/advocates/matching-pool-service.ts'
import * as advocatePhoto from './features/advocates/photo-service.ts'
import * as advocateRecord from './features/advocates/record-service.ts'
import type { AdvocateService, AdvocatesContext } from './features/advocates/service.ts'
import * as advocateSignIn from './features/advocates/sign-in-service.ts'
import { concernsServiceFor } from './features/concerns/service.ts'
import * as consultationService from './features/consultation/consultation-service.ts'
import * as feedbackService from './features/feedback/feedback-service.ts'
import * as themeService from './features/feedback/theme-service.ts'
import type { FeedbackService } from './features/feedback/service.ts'
import * as feedbackLater from './features/feedback/later-service.ts'
import { cardCodeKey, type FeedbackContext } from './features/feedback/later-service.ts'
import { chooseWord, familySignIn, familySignOut, forgetOldFamilySignIns, resolveFamilySession } from './features/family/access-service.ts'
import { codeKey } from './features/family/codes.ts'
import type { FamilyContext } from './features/family/family.ts'
import {
  agreeToShareViews,
  familyAdvocate,
  familyAdvocatePhoto,
  familySocialWorkerPhoto,
  familyMeeting,
  familyReferralSays,
  familyRights,
  familyStatus,
  familyViews,
} from './features/family/pages-service.ts'
import { remindersService } from './features/family/reminders-service.ts'
import { familyThrottlePolicy } from './features/family/throttle.ts'
import { issueCode, revokeCode, wayIn } from './features/family/way-in-service.ts'
import * as informationPagesService from './features/information/information-service.ts'
import type { InformationService } from './features/information/service.ts'
import { loadShippedPages } from './features/information/shipped-pages.ts'
import * as localServicesService from './features/local-services/service.ts'
import type { LocalServices } from './features/local-services/service.ts'
import { notificationsServiceFor } from './features/notifications/service.ts'
import { profileServiceFor } from './features/profile/service.ts'
import * as people from './features/people/service.ts'
import * as programmeAccreditation from './features/programme/accreditation-service.ts'
import * as programmeCohorts from './features/programme/cohorts-service.ts'
import * as programmeModules from './features/programme/modules-service.ts'
import * as programmeOverview from './features/programme/overview-service.ts'
import * as programmeRegister from './features/programme/register-service.ts'
import type { ProgrammeService } from './features/programme/service.ts'
import * as publicApplications from './features/public/applications-service.ts'
import * as publicEnquiries from './features/public/enquiries-service.ts'
import * as publicRetention from './features/public/retention-service.ts'
import type { PublicService } from './features/public/service.ts'
import * as programmeSupervision from './features/programme/supervision-service.ts'
import { trainingRecords } from './features/programme/training-records-service.ts'
import { advocacyRecordService, allocationService, referralService } from './features/referrals/service.ts'
import { bringReportFactsUpToDate, downloadQuarterlyReturn, reportsToday, viewQuarterlyReturn } from './features/reports/reports-service.ts'
import * as evaluation from './features/reports/evaluation-service.ts'
import * as drillDown from './features/reports/drill-down-service.ts'
import * as settingsAuthorityDetails from './features/settings/authority-details-service.ts'
import * as settingsBankHolidays from './features/settings/bank-holidays-service.ts'
import * as settingsFamilyRules from './features/settings/family-rules-service.ts'
import * as settingsMeetingRules from './features/settings/meeting-rules-service.ts'
import * as settingsConcernRules from './features/settings/concern-rules-service.ts'
import * as settingsService from './features/settings/service.ts'
import type { SettingsService } from './features/settings/service.ts'
import * as signInLinks from './features/sign-in/link-service.ts'
import * as signInService from './features/sign-in/service.ts'
import type { SignInService } from './features/sign-in/service.ts'
import * as worktray from './features/worktray/service.ts'
import { createSavedForms } from './platform/auth/saved-forms.ts'
import { storedSessionSecret } from './platform/auth/session-secret-repository.ts'
import { createSessions } from './platform/auth/sessions.ts'
import type { Schema } from './platform/db/schema.ts'
import { createTranslations } from './platform/i18n/translations.ts'
import { createMailer, type Mailer } from './platform/mail/mailer.ts'
import { bindService, type ServiceContext } from './platform/service-context.ts'
import type { Clock } from './platform/time/clock.ts'

/**
 * The composition root: one place that makes every service from the database, the clock and the
 * configuration. No container, no magic: read it top to bottom.
 */
export async function compose(
  db: Kysely<Schema>,
  clock: Clock,
  config: Config,
  // The application hands over its own, which logs what cannot be sent; a script's may say so on the console.
  mailer: Mailer = createMailer(config.mail, (problem) => console.error('Could not send mail:', problem)),
) {
  const secret = config.sessionSecret ?? (await storedSessionSecret(db))
  const sessions = createSessions(db, clock, config.session, secret)
  const savedForms = createSavedForms(db, clock)
  const context: ServiceContext = { db, clock }
  const adminContext: AdminContext = { ...context, sessions }
  const admin: AdminService = bindService(adminContext, {
    ...adminFirstStart,
    ...adminAccounts,
    ...adminPasswords,
    ...adminTeams,
    roleGrants,
    roleGrantsWaiting,
    acknowledgeRoleGrant,
  })
  const signIn: SignInService = bindService(
    { ...context, sessions, policy: config.signIn, mailer, baseUrl: config.baseUrl },
    { ...signInService, ...signInLinks },
  )
  const settings: SettingsService = bindService(context, {
    ...settingsService,
    ...settingsBankHolidays,
    ...settingsAuthorityDetails,
    ...settingsMeetingRules,
    ...settingsFamilyRules,
    ...settingsConcernRules,
  })
  // The programme imports the pool, so the pool is handed the programme's training records here instead of importing them back.
  const advocatesContext: AdvocatesContext = { ...adminContext, training: { trainingRecords } }
  const advocates: AdvocateService = bindService(advocatesContext, {
    ...advocateRecord,
    ...advocateAbsences,
    ...advocateKnownFamilies,
    ...advocatePhoto,
    ...advocateSignIn,
    ...advocateMatchingPool,
  })
  const localServices: LocalServices = bindService(context, { ...localServicesService })
  const programme: ProgrammeService = bindService(context, {
    ...programmeOverview,
    ...programmeCohorts,
    ...programmeRegister,
    ...programmeModules,
    ...programmeAccreditation,
    ...programmeSupervision,
  })
  const familyContext: FamilyContext = {
    ...context,
    codeKey: codeKey(secret),
    policy: {
      codeDaysAfterEnd: config.family.codeDaysAfterEnd,
      idleMinutes: config.family.idleMinutes,
      absoluteHours: config.family.absoluteHours,
      throttle: familyThrottlePolicy(config.signIn, config.family),
    },
  }
  const family = {
    access: bindService(familyContext, { familySignIn, chooseWord, resolveFamilySession, familySignOut, forgetOldFamilySignIns }),
    wayIn: bindService(familyContext, { wayIn, issueCode, revokeCode }),
    pages: bindService(familyContext, {
      familyStatus,
      familyAdvocate,
      familyAdvocatePhoto,
      familySocialWorkerPhoto,
      familyMeeting,
      familyRights,
      familyReferralSays,
      familyViews,
      agreeToShareViews,
    }),
    reminders: remindersService({ ...context, translations: createTranslations(), signInUrl: `${config.baseUrl}/your-advocacy` }),
  }
  const publicPages: PublicService = bindService(context, { ...publicEnquiries, ...publicApplications, ...publicRetention })
  const information: InformationService = bindService({ ...context, shipped: loadShippedPages() }, informationPagesService)
  const { feedbackFor, recordChoice, enterAnswers, openKiosk, closeKiosks, kioskFor, answerOnKiosk, feedbackSummary } = feedbackService
  const feedbackContext: FeedbackContext = {
    ...context,
    cardKey: cardCodeKey(secret),
    cardThrottle: familyThrottlePolicy(config.signIn, config.family),
    translations: createTranslations(),
    signInUrl: `${config.baseUrl}/your-advocacy`,
  }
  const feedback: FeedbackService = bindService(feedbackContext, {
    feedbackFor,
    recordChoice,
    enterAnswers,
    openKiosk,
    closeKiosks,
    kioskFor,
    answerOnKiosk,
    feedbackSummary,
    familyFeedbackWaiting: feedbackLater.familyFeedbackWaiting,
    familyFeedbackCount: feedbackLater.familyFeedbackCount,
    familyQuestionnaire: feedbackLater.familyQuestionnaire,
    answerFromOwnPages: feedbackLater.answerFromOwnPages,
    declineFromOwnPages: feedbackLater.declineFromOwnPages,
    issueCard: feedbackLater.issueCard,
    revokeCards: feedbackLater.revokeCards,
    openCard: feedbackLater.openCard,
    answerWithCard: feedbackLater.answerWithCard,
    feedbackWaiting: feedbackLater.feedbackWaiting,
    remindLaterFeedback: feedbackLater.remindLaterFeedback,
    forgetOldCardGuesses: feedbackLater.forgetOldCardGuesses,
    themesFor: themeService.themesFor,
    addTheme: themeService.addTheme,
    themeFor: themeService.themeFor,
    changeTheme: themeService.changeTheme,
    answerForCoding: themeService.answerForCoding,
    codeAnswer: themeService.codeAnswer,
  })
  const services = {
    family,
    feedback,
    settings,
    information,
    advocates,
    localServices,
    allocations: allocationService({ ...context, advocates, localServices, settings }),
    advocacyRecord: advocacyRecordService(context),
    signIn,
    admin,
    people: bindService(context, people),
    referrals: referralService(context),
    worktray: bindService(context, worktray),
    programme,
    publicPages,
    reports: bindService(context, {
      viewQuarterlyReturn,
      downloadQuarterlyReturn,
      reportsToday,
      bringReportFactsUpToDate,
      viewParticipation: evaluation.viewParticipation,
      viewAnnualEvaluation: evaluation.viewAnnualEvaluation,
      downloadAnnualEvaluation: evaluation.downloadAnnualEvaluation,
      narrativeFor: evaluation.narrativeFor,
      saveNarrative: evaluation.saveNarrative,
      mayDrill: drillDown.mayDrill,
      isDrillableFigure: drillDown.isDrillableFigure,
      referralsBehindFigure: drillDown.referralsBehindFigure,
    }),
    notifications: notificationsServiceFor({ ...context, baseUrl: config.baseUrl }),
    profile: profileServiceFor(context),
    concerns: concernsServiceFor({ ...context, baseUrl: config.baseUrl }),
    consultation: bindService(context, {
      consultationPage: consultationService.consultationPage,
      recordConsultation: consultationService.recordConsultation,
      consultationForTheChair: consultationService.consultationForTheChair,
    }),
    familyConsultation: bindService(context, {
      familyConsultation: consultationService.familyConsultation,
      familyConsultationDue: consultationService.familyConsultationDue,
      consultAsChild: consultationService.consultAsChild,
    }),
  }
  return { sessions, savedForms, services }
}

export type Services = Awaited<ReturnType<typeof compose>>['services']
