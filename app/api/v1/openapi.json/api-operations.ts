/**
 * The route modules the OpenAPI document is generated from, one import per
 * `app/api/v1/**\/route.ts` (Next.js offers no way to list them at run time), keyed by URL in
 * OpenAPI spelling. tests/unit/openapi-coverage.test.ts compares the document with the route
 * files on disk, so a route missing here fails it. This file is the document route's own helper;
 * the route itself (../openapi.json/route.ts) is public and not listed.
 */
import type { RouteDeclaration } from "@/lib/next/with-workspace";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { httpMethods, type ApiOperation } from "@/lib/openapi/types";
import * as accounts from "../accounts/route";
import * as accountsId from "../accounts/[id]/route";
import * as accountsIdCheckConnection from "../accounts/[id]/check-connection/route";
import * as accountsBulk from "../accounts/bulk/route";
import * as accountsImport from "../accounts/import/route";
import * as accountsOptions from "../accounts/options/route";
import * as audit from "../audit/route";
import * as auditExport from "../audit/export/route";
import * as competitorImports from "../competitor-imports/route";
import * as competitorImportsId from "../competitor-imports/[id]/route";
import * as competitorImportsPreview from "../competitor-imports/preview/route";
import * as competitorReportsCsv from "../competitor-reports/csv/route";
import * as competitors from "../competitors/route";
import * as competitorsId from "../competitors/[id]/route";
import * as competitorsIdNotes from "../competitors/[id]/notes/route";
import * as competitorsIdSnapshots from "../competitors/[id]/snapshots/route";
import * as draftFolders from "../draft-folders/route";
import * as draftFoldersId from "../draft-folders/[id]/route";
import * as drafts from "../drafts/route";
import * as draftsId from "../drafts/[id]/route";
import * as draftsIdApprove from "../drafts/[id]/approve/route";
import * as draftsIdComments from "../drafts/[id]/comments/route";
import * as draftsIdConfirm from "../drafts/[id]/confirm/route";
import * as draftsIdDuplicate from "../drafts/[id]/duplicate/route";
import * as draftsIdFolder from "../drafts/[id]/folder/route";
import * as draftsIdPresence from "../drafts/[id]/presence/route";
import * as draftsIdRequestChanges from "../drafts/[id]/request-changes/route";
import * as draftsIdReview from "../drafts/[id]/review/route";
import * as draftsIdRevisions from "../drafts/[id]/revisions/route";
import * as draftsIdRevisionsRevisionId from "../drafts/[id]/revisions/[revisionId]/route";
import * as draftsIdSchedule from "../drafts/[id]/schedule/route";
import * as draftsIdSchedulePreview from "../drafts/[id]/schedule/preview/route";
import * as draftsIdSubmit from "../drafts/[id]/submit/route";
import * as draftsSearch from "../drafts/search/route";
import * as me from "../me/route";
import * as media from "../media/route";
import * as mediaIdFile from "../media/[id]/file/route";
import * as mediaIdThumb from "../media/[id]/thumb/route";
import * as members from "../members/route";
import * as membersId from "../members/[id]/route";
import * as memories from "../memories/route";
import * as memoriesId from "../memories/[id]/route";
import * as memoriesIdHistory from "../memories/[id]/history/route";
import * as memoriesIdHistoryVersionIdRestore from "../memories/[id]/history/[versionId]/restore/route";
import * as memoriesAnalyticsPatterns from "../memories/analytics/patterns/route";
import * as memoriesAnalyticsStats from "../memories/analytics/stats/route";
import * as memoriesCleanup from "../memories/cleanup/route";
import * as memoriesCompress from "../memories/compress/route";
import * as memoriesConfig from "../memories/config/route";
import * as memoriesContext from "../memories/context/route";
import * as memoriesProviders from "../memories/providers/route";
import * as memoriesReembed from "../memories/reembed/route";
import * as memoriesRuns from "../memories/runs/route";
import * as memoriesSearch from "../memories/search/route";
import * as noteSettings from "../note-settings/route";
import * as notificationChannels from "../notification-channels/route";
import * as notificationChannelsId from "../notification-channels/[id]/route";
import * as notificationChannelsIdTest from "../notification-channels/[id]/test/route";
import * as notifications from "../notifications/route";
import * as notificationsIdRead from "../notifications/[id]/read/route";
import * as publishBatchesId from "../publish-batches/[id]/route";
import * as publishBatchesIdRetry from "../publish-batches/[id]/retry/route";
import * as publishJobsId from "../publish-jobs/[id]/route";
import * as publishJobsIdMarkPublished from "../publish-jobs/[id]/mark-published/route";
import * as publishJobsIdRetry from "../publish-jobs/[id]/retry/route";
import * as publishSeries from "../publish-series/route";
import * as publishSeriesId from "../publish-series/[id]/route";
import * as publishSeriesPreview from "../publish-series/preview/route";
import * as publishers from "../publishers/route";
import * as tokens from "../tokens/route";
import * as tokensId from "../tokens/[id]/route";

const routeModules: Record<string, object> = {
  "/accounts": accounts,
  "/accounts/{id}": accountsId,
  "/accounts/{id}/check-connection": accountsIdCheckConnection,
  "/accounts/bulk": accountsBulk,
  "/accounts/import": accountsImport,
  "/accounts/options": accountsOptions,
  "/audit": audit,
  "/audit/export": auditExport,
  "/competitor-imports": competitorImports,
  "/competitor-imports/{id}": competitorImportsId,
  "/competitor-imports/preview": competitorImportsPreview,
  "/competitor-reports/csv": competitorReportsCsv,
  "/competitors": competitors,
  "/competitors/{id}": competitorsId,
  "/competitors/{id}/notes": competitorsIdNotes,
  "/competitors/{id}/snapshots": competitorsIdSnapshots,
  "/draft-folders": draftFolders,
  "/draft-folders/{id}": draftFoldersId,
  "/drafts": drafts,
  "/drafts/{id}": draftsId,
  "/drafts/{id}/approve": draftsIdApprove,
  "/drafts/{id}/comments": draftsIdComments,
  "/drafts/{id}/confirm": draftsIdConfirm,
  "/drafts/{id}/duplicate": draftsIdDuplicate,
  "/drafts/{id}/folder": draftsIdFolder,
  "/drafts/{id}/presence": draftsIdPresence,
  "/drafts/{id}/request-changes": draftsIdRequestChanges,
  "/drafts/{id}/review": draftsIdReview,
  "/drafts/{id}/revisions": draftsIdRevisions,
  "/drafts/{id}/revisions/{revisionId}": draftsIdRevisionsRevisionId,
  "/drafts/{id}/schedule": draftsIdSchedule,
  "/drafts/{id}/schedule/preview": draftsIdSchedulePreview,
  "/drafts/{id}/submit": draftsIdSubmit,
  "/drafts/search": draftsSearch,
  "/me": me,
  "/media": media,
  "/media/{id}/file": mediaIdFile,
  "/media/{id}/thumb": mediaIdThumb,
  "/members": members,
  "/members/{id}": membersId,
  "/memories": memories,
  "/memories/{id}": memoriesId,
  "/memories/{id}/history": memoriesIdHistory,
  "/memories/{id}/history/{versionId}/restore": memoriesIdHistoryVersionIdRestore,
  "/memories/analytics/patterns": memoriesAnalyticsPatterns,
  "/memories/analytics/stats": memoriesAnalyticsStats,
  "/memories/cleanup": memoriesCleanup,
  "/memories/compress": memoriesCompress,
  "/memories/config": memoriesConfig,
  "/memories/context": memoriesContext,
  "/memories/providers": memoriesProviders,
  "/memories/runs": memoriesRuns,
  "/memories/reembed": memoriesReembed,
  "/memories/search": memoriesSearch,
  "/note-settings": noteSettings,
  "/notification-channels": notificationChannels,
  "/notification-channels/{id}": notificationChannelsId,
  "/notification-channels/{id}/test": notificationChannelsIdTest,
  "/notifications": notifications,
  "/notifications/{id}/read": notificationsIdRead,
  "/publish-batches/{id}": publishBatchesId,
  "/publish-batches/{id}/retry": publishBatchesIdRetry,
  "/publish-jobs/{id}": publishJobsId,
  "/publish-jobs/{id}/mark-published": publishJobsIdMarkPublished,
  "/publish-jobs/{id}/retry": publishJobsIdRetry,
  "/publish-series": publishSeries,
  "/publish-series/{id}": publishSeriesId,
  "/publish-series/preview": publishSeriesPreview,
  "/publishers": publishers,
  "/tokens": tokens,
  "/tokens/{id}": tokensId,
};

/** Every handler exported by a listed module that carries a `withWorkspace` declaration. */
export function apiOperations(): ApiOperation[] {
  return Object.entries(routeModules).flatMap(([path, mod]) =>
    httpMethods.flatMap((method) => {
      const declaration = (mod as Record<string, { declaration?: RouteDeclaration } | undefined>)[method]?.declaration;
      return declaration ? [{ method, path, declaration }] : [];
    }),
  );
}

export function openApiDocument(serverUrl: string) {
  return buildOpenApiDocument(serverUrl, apiOperations());
}
